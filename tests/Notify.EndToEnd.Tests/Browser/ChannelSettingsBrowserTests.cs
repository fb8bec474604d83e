using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.EndToEnd.Tests.Email;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class ChannelSettingsBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : IClassFixture<BrowserFixture>, IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task SmtpSetInTheBrowser_SendsRealEmail_AndThePasswordIsStoredEncryptedAndNeverShown()
    {
        const string secret = "s3cret-smtp-pass";
        var page = await browser.OpenAsync("/settings/channels");
        await page.Locator("input[data-testid=smtp-host]").FillAsync("127.0.0.1");
        await page.Locator("input[data-testid=smtp-port]").FillAsync(smtp.Port.ToString());
        await page.Locator("input[data-testid=smtp-password]").FillAsync(secret);
        await page.GetByTestId("save-channels").ClickAsync();
        await Assertions.Expect(page.GetByText("Channel settings saved")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

        using var api = browser.App.CreateApiClient();
        await api.PutAsJsonAsync("/api/v1/records/order/CHAN-1", new { status = "new", contacts = new { customer = "ola" } });
        await api.PutAsJsonAsync("/api/v1/records/order/CHAN-1", new { status = "ready", contacts = new { customer = "ola" } });
        var messages = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()), m => m.Any(x => x.Subject == "Your order CHAN-1 is ready"));
        Assert.Contains(messages, m => m.Subject == "Your order CHAN-1 is ready");

        var again = await browser.OpenAsync("/settings/channels");
        await Assertions.Expect(again.GetByText("A password is set; leave empty to keep it")).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await again.ContentAsync());
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var row = await db.ChannelSettings.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(secret, row.Json + row.SmtpPasswordProtected);
        Assert.False(string.IsNullOrEmpty(row.SmtpPasswordProtected));
        var audit = await db.Audit.AsNoTracking().Where(a => a.Subject == "setting").ToListAsync();
        Assert.DoesNotContain(audit, a => a.Detail.Contains(secret, StringComparison.Ordinal));
    }
}
