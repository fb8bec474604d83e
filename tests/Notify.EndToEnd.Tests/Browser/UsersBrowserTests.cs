using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Web.Features.Deliveries;

namespace Notify.EndToEnd.Tests.Browser;

public sealed partial class UsersBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task AdminInvitesSupport_WhoSignsInWithTheEmailedCode_SeesOnlySupportPages_ThenIsDeactivated()
    {
        var admin = await browser.OpenAsync("/settings/users");
        await admin.GetByTestId("invite-user").ClickAsync();
        await admin.Locator("input[data-testid=invite-email]").FillAsync("not an email");
        await admin.GetByTestId("send-invite").ClickAsync();
        await Assertions.Expect(admin.GetByText("Enter an email address such as kari@example.com.")).ToBeVisibleAsync(Patient);
        await admin.Locator("input[data-testid=invite-email]").FillAsync("sara@example.com");
        await admin.Locator("input[data-testid=invite-name]").FillAsync("Sara Support");
        await admin.GetByTestId("send-invite").ClickAsync();
        var row = admin.GetByTestId("users").Locator("tr", new LocatorLocatorOptions { HasText = "sara@example.com" });
        await Assertions.Expect(row).ToContainTextAsync("Invited, not signed in yet", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        // The invitation went out through the normal pipeline (to the sandbox); only an admin's preview shows the code.
        var queries = browser.App.Services.GetRequiredService<DeliveryQueryService>();
        var invitation = await Notify.Tests.Shared.Eventually.GetAsync(
            () => queries.SearchAsync(new DeliveryFilter { Recipient = "sara@example.com", Text = "sign-in code" }, CancellationToken.None),
            p => p.Items.Count == 1 && p.Items[0].Status == Notify.Domain.Messaging.DeliveryStatus.Sent);
        var code = SixDigits().Match((await queries.PreviewAsync(invitation.Items[0].Id, showSecret: true, CancellationToken.None))!.Body).Value;

        var sara = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var page = await sara.NewPageAsync();
        await page.GotoAsync("/account/code");
        await page.GetByTestId("code-who").FillAsync("sara@example.com");
        await page.GetByTestId("code-code").FillAsync(code);
        await page.GetByTestId("code-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/set-password", StringComparison.Ordinal));
        await page.GetByTestId("new-password").FillAsync("Sara-Password-1");
        await page.GetByTestId("confirm-password").FillAsync("Sara-Password-1");
        await page.GetByTestId("save-password").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deliveries", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync("/settings/users");
        await Assertions.Expect(page.GetByText("No access")).ToBeVisibleAsync(Patient);

        // Back with the admin: Sara is active now; deactivating her asks first.
        await admin.ReloadAsync();
        await admin.Locator("#notify-app[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Active", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await admin.GetByTestId("more-sara@example.com").ClickAsync();
        await admin.GetByTestId("deactivate").ClickAsync();
        await Assertions.Expect(admin.GetByText("Deactivate Sara Support?")).ToBeVisibleAsync(Patient);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Deactivated", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        var again = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl })).NewPageAsync();
        await again.GotoAsync("/account/login");
        await again.GetByTestId("login-email").FillAsync("sara@example.com");
        await again.GetByTestId("login-password").FillAsync("Sara-Password-1");
        await again.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(again.GetByTestId("login-error")).ToContainTextAsync("This account is deactivated", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task TheOnlyAdmin_CannotDemoteThemselves_AndIsToldWhy()
    {
        var admin = await browser.OpenAsync("/settings/users");
        var role = admin.GetByTestId($"role-{Notify.Tests.Shared.NotifyAppFactory.AdminEmail}");
        await role.ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Support", Exact = true }).ClickAsync();

        await Assertions.Expect(admin.GetByTestId("users-error")).ToContainTextAsync("is the last active admin", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(role).ToContainTextAsync("Admin");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
