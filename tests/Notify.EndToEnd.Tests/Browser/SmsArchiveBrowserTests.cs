using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The SMS archive: its own page, searched by a number written any way and by day, rows per page, the price from the Channels page.</summary>
public sealed class SmsArchiveBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Patient = new() { Timeout = 30_000 };
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>10:00 in Oslo, <paramref name="daysAgo"/> days before today there.</summary>
    private static DateTime LocalMorning(int daysAgo) =>
        TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Oslo).Date.AddDays(-daysAgo).AddHours(10), Oslo);

    private Task AddSentSmsAsync(string key, string number, string text, int segments, DateTime at) =>
        SentSms.AddAsync(browser.App, key, number, "Archive " + number[^4..], text, segments, at);

    [Fact]
    public async Task ArchiveSearchedByNumberWrittenWithSpaces_AndByDay_WithRowsPerPage_AndThePriceSetOnTheChannelsPage()
    {
        for (var i = 0; i < 12; i++)
        {
            await AddSentSmsAsync($"arch-a-{i}", "+4740001234", $"Tyres for car {i} are fitted.", 2, LocalMorning(i < 5 ? 2 : 3).AddMinutes(i));
        }

        await AddSentSmsAsync("arch-b", "+4791112222", "Another customer's text.", 1, LocalMorning(2));

        var settings = await browser.OpenAsync("/settings/channels");
        await settings.Locator("input[data-testid=sms-price]").FillAsync("0.5");
        await settings.Locator("input[data-testid=sms-currency]").FillAsync("sek");
        await settings.GetByTestId("save-channels").ClickAsync();
        await Assertions.Expect(settings.GetByText("Channel settings saved")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(settings.Locator("input[data-testid=sms-currency]")).ToHaveValueAsync("SEK");

        var page = await browser.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "SMS archive", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SMS archive", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Locator("input[data-testid=sms-phone]").FillAsync("400 01 234");
        var rows = page.GetByTestId("sms-grid").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(12, Patient);
        foreach (var number in await page.GetByTestId("sms-number").AllInnerTextsAsync())
        {
            Assert.Equal("+4740001234", number);
        }

        await Assertions.Expect(page.GetByTestId("sms-grid")).ToContainTextAsync("Cost (SEK)");
        await Assertions.Expect(rows.First).ToContainTextAsync("1.00"); // 2 segments at 0.50

        // Ten rows a page: the pager says so, and the address keeps it.
        await page.GetByTestId("sms-pager").GetByText("25", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "10", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(10, Patient);
        await Assertions.Expect(page.GetByTestId("sms-grid")).ToContainTextAsync("1-10 of 12");
        await page.WaitForURLAsync(url => url.Contains("rows=10", StringComparison.Ordinal), new() { Timeout = 30_000 });

        // The same number with its country code, on one day only, opened from an address.
        var day = TimeZoneInfo.ConvertTimeFromUtc(LocalMorning(2), Oslo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var oneDay = await browser.OpenAsync($"/sms?phone={Uri.EscapeDataString("+47 400 01 234")}&from={day}&to={day}");
        await Assertions.Expect(oneDay.Locator("input[data-testid=sms-phone]")).ToHaveValueAsync("+47 400 01 234");
        await Assertions.Expect(oneDay.GetByTestId("sms-grid").Locator("tbody tr")).ToHaveCountAsync(5, Patient);
        await Assertions.Expect(oneDay.GetByTestId("sms-grid")).Not.ToContainTextAsync("Another customer's text.");

        var none = await browser.OpenAsync("/sms?phone=99999999");
        await Assertions.Expect(none.GetByTestId("sms-empty")).ToContainTextAsync("No text message matches this search", new() { Timeout = 30_000 });

        var costs = await browser.OpenAsync("/costs");
        await Assertions.Expect(costs.GetByTestId("cost-table")).ToContainTextAsync("Cost (SEK)", new() { Timeout = 30_000 });
        await Assertions.Expect(costs.GetByTestId("cost-no-price")).ToHaveCountAsync(0);
    }
}
