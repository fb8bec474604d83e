using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// Paging on through the send log reads the messages after the last one shown: a message that arrives meanwhile
/// pushes nothing from the first page onto the second, and the two pages together hold every message once.
/// </summary>
public sealed class SendLogPagingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NextPage_StartsAfterTheLastRowShown_EvenWhenANewMessageArrivedMeanwhile()
    {
        var start = DateTime.UtcNow.AddHours(-2);
        for (var i = 1; i <= 30; i++)
        {
            await AddSentSmsAsync($"Keyset check {i:00}", start.AddMinutes(i));
        }

        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-live]").UntickAsync();
        await page.Locator("input[data-testid=delivery-search]").FillAsync("Keyset check");
        var bodies = page.GetByTestId("deliveries-grid").Locator("tbody tr");
        await Assertions.Expect(page.GetByText("1-25 of 30")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var first = await TextsAsync(bodies);
        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(i => $"Keyset check {i:00}"), first);

        await AddSentSmsAsync("Keyset check 31", start.AddMinutes(31)); // newest: on top of page 1, were it read again
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next page" }).ClickAsync();

        await Assertions.Expect(bodies).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        Assert.Equal(["Keyset check 05", "Keyset check 04", "Keyset check 03", "Keyset check 02", "Keyset check 01"], await TextsAsync(bodies));

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(bodies.First).ToContainTextAsync("Keyset check 31", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
    }

    private static async Task<List<string>> TextsAsync(ILocator rows) =>
        (await rows.AllInnerTextsAsync()).Select(t => System.Text.RegularExpressions.Regex.Match(t, @"Keyset check \d\d").Value).ToList();

    private Task AddSentSmsAsync(string text, DateTime at) =>
        SentSms.AddAsync(browser.App, text.Replace(' ', '-'), "+4740009999", "Paging Person", text, 1, at);
}
