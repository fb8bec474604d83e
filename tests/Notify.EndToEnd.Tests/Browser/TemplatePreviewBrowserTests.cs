using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class TemplatePreviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientText = new() { Timeout = 30_000 };

    [Fact]
    public async Task PaletteInsertsAField_PreviewRendersARealRecordForOla_AndAnEnDashIsNamedAndReplaced()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/PRE-UI-1", new { status = "new", title = "Brake service", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        var page = await browser.OpenAsync("/templates/order-ready");
        var sms = page.Locator("textarea[data-testid=template-sms]");
        await Assertions.Expect(sms).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("ready for pick-up"));

        await sms.FocusAsync();
        await page.GetByTestId("field-company.name").ClickAsync();
        await Assertions.Expect(sms).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"pick-up\. \{\{ company\.name \}\}$"));

        await page.Locator("input[data-testid=preview-record]").FillAsync("PRE-UI-1");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("PRE-UI-1") }).ClickAsync();
        await page.GetByTestId("preview-contact").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(@"\(ola\)") }).ClickAsync();
        var preview = page.GetByTestId("preview-sms");
        var company = new System.Text.RegularExpressions.Regex(@"^Hi Ola, your order PRE-UI-1 is ready for pick-up\. (Notify|Sykkelverkstedet AS)$"); // the other test may have renamed the company
        await Assertions.Expect(preview).ToHaveTextAsync(company, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("preview-sms-count")).ToContainTextAsync("GSM-7 · 1 segment", PatientText);

        await sms.FillAsync("Hi {{ recipient.first_name }} – your order {{ record.key }} ({{ record.title }}) is ready.");
        await Assertions.Expect(preview).ToHaveTextAsync("Hi Ola – your order PRE-UI-1 (Brake service) is ready.", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("preview-sms-count")).ToContainTextAsync("Unicode (UCS-2) · 1 segment", PatientText);
        await Assertions.Expect(page.GetByTestId("preview-unicode")).ToContainTextAsync("– (en dash)", PatientText);
        await page.SetViewportSizeAsync(1400, 1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "notify-template-preview.png"), FullPage = true });

        await page.GetByTestId("preview-make-gsm").ClickAsync();
        await Assertions.Expect(sms).ToHaveValueAsync("Hi {{ recipient.first_name }} - your order {{ record.key }} ({{ record.title }}) is ready.");
        await Assertions.Expect(page.GetByTestId("preview-sms-count")).ToContainTextAsync("GSM-7 · 1 segment", PatientText);
        await Assertions.Expect(page.GetByTestId("preview-unicode")).ToHaveCountAsync(0);

        await page.GetByTestId("send-test").ClickAsync(); // by email, the default
        await Assertions.Expect(page.GetByText("A test was sent to you by email")).ToBeVisibleAsync(Patient);
        var outbox = await browser.OpenAsync("/sandbox");
        var row = outbox.Locator("tr", new PageLocatorOptions { HasText = "Your order PRE-UI-1 is ready" });
        await Assertions.Expect(row).ToContainTextAsync("Test message", PatientText);
        await Assertions.Expect(row).ToContainTextAsync(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, PatientText);
    }

    [Fact]
    public async Task OrganisationSetOnItsPage_IsWhatTemplatesSayAsTheCompany_AndRecordLinksPointAtNotify()
    {
        var settings = await browser.OpenAsync("/settings/organisation");
        await settings.Locator("input[data-testid=org-public-url]").FillAsync("not a url");
        await settings.GetByTestId("save-organisation").ClickAsync();
        await Assertions.Expect(settings.GetByText("must be a full web address starting with https://.")).ToBeVisibleAsync(Patient);
        await settings.Locator("input[data-testid=org-name]").FillAsync("Sykkelverkstedet AS");
        await settings.Locator("input[data-testid=org-public-url]").FillAsync("https://notify.example.com");
        await settings.GetByTestId("save-organisation").ClickAsync();
        await Assertions.Expect(settings.GetByText("Organisation saved.")).ToBeVisibleAsync(Patient);

        var page = await browser.OpenAsync("/templates/order-ready");
        var sms = page.Locator("textarea[data-testid=template-sms]");
        await sms.FillAsync("{{ company.name }}: {{ record.link }}");

        await Assertions.Expect(page.GetByTestId("preview-sms")).ToHaveTextAsync("Sykkelverkstedet AS: https://notify.example.com/records/record/SAMPLE-1",
            new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
    }
}
