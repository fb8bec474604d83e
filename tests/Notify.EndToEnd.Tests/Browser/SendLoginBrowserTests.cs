using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

public sealed partial class SendLoginBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task AdminSendsACode_PersonSignsInWithIt_ChoosesAPassword_AndLandsInTheirInbox()
    {
        var admin = await browser.OpenAsync("/settings/send-login");
        await admin.Locator("input[data-testid=login-search]").FillAsync("Per Olsen");
        await Assertions.Expect(admin.GetByTestId("login-people").Locator("tbody tr")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        var row = admin.GetByTestId("login-people").Locator("tr", new LocatorLocatorOptions { HasText = "Per Olsen" });
        await row.Locator("input[type=checkbox]").TickAsync();
        await admin.GetByTestId("send-login").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("login-results")).ToContainTextAsync("code sent by sms to +4791456789", Patient);

        using var api = browser.App.CreateApiClient();
        var sms = await Notify.Tests.Shared.Eventually.GetAsync(
            () => api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recipient=per&text=sign-in code&status=sent"),
            j => j.GetProperty("total").GetInt32() > 0);
        var logged = sms.GetProperty("items")[0].GetProperty("body").GetString()!;
        Assert.DoesNotMatch(SixDigits(), logged); // the send log and the API never show the code
        Assert.Contains("······", logged, StringComparison.Ordinal);

        // The SMS went to the sandbox; the admin reads what was sent in its preview, the only place the code shows.
        await admin.GotoAsync("/deliveries");
        await admin.Locator("input[data-testid=delivery-search]").FillAsync("sign-in code");
        await admin.GetByTestId("deliveries-grid").Locator("tbody tr", new LocatorLocatorOptions { HasText = "Per Olsen" }).First.ClickAsync();
        var sent = await admin.GetByTestId("preview-text").InnerTextAsync();
        var code = SixDigits().Match(sent).Value;
        Assert.Matches(SixDigits(), sent);

        var person = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var page = await person.NewPageAsync();
        await page.GotoAsync("/account/code");
        await page.GetByTestId("code-who").FillAsync("914 56 789");
        await page.GetByTestId("code-code").FillAsync(code);
        await page.GetByTestId("code-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/set-password", StringComparison.Ordinal));
        await page.GetByTestId("new-password").FillAsync("Per-Password-1");
        await page.GetByTestId("confirm-password").FillAsync("Per-Password-1");
        await page.GetByTestId("save-password").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/inbox/per", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("Per Olsen's inbox")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync();
        await page.Locator("input[data-testid=pref-sms], [data-testid=pref-sms] input").First.UntickAsync();
        await page.GetByTestId("save-preferences").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var history = await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts/per/consent-history");
        var latest = history[0];
        Assert.Equal("sms", latest.GetProperty("channel").GetString());
        Assert.False(latest.GetProperty("granted").GetBoolean());
        Assert.Equal("inbox", latest.GetProperty("source").GetString());
        Assert.Equal("per@example.com", latest.GetProperty("changedBy").GetString());

        var again = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl })).NewPageAsync();
        await again.GotoAsync("/account/code");
        await again.GetByTestId("code-who").FillAsync("+4791456789");
        await again.GetByTestId("code-code").FillAsync(code);
        await again.GetByTestId("code-submit").ClickAsync();
        await Assertions.Expect(again.GetByTestId("code-error")).ToContainTextAsync("wrong, used or expired");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
