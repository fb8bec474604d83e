using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The app on a real loopback port (on SQLite, or what <see cref="SettingsAsync"/> says), and Debian's Chromium driven by Playwright.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private NotifyAppFactory? _app;

    /// <summary>The app; its send step throws for the records <see cref="PoisonedRecords"/> names, as a broken dependency would.</summary>
    public NotifyAppFactory App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The app's settings beyond the defaults of <see cref="NotifyAppFactory"/>.</summary>
    protected virtual Task<Dictionary<string, string?>> SettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Notify:Engine:MaxAttempts"] = "1" });

    /// <summary>The shared admin sign-in is dropped: the next page opened signs in afresh (after the app's clock jumped past the cookie's 12 hours).</summary>
    protected async Task ForgetSignInAsync()
    {
        if (_context is { } context)
        {
            _context = null;
            await context.CloseAsync();
        }
    }

    /// <summary>The app's services beyond its own: the records that throw, and what a derived fixture adds.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) => PoisonedRecords.Install(services);

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = new NotifyAppFactory(settings: await SettingsAsync(), services: ConfigureServices);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// Signs in through the login page as <paramref name="email"/>, in a fresh browser context; <paramref name="bypassCsp"/>
    /// lets a test tool inject its own script (axe-core) past the Content Security Policy.
    /// </summary>
    public async Task<IBrowserContext> SignInAsync(string email, string password, bool bypassCsp = false, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, BypassCSP = bypassCsp, ViewportSize = viewport });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        // The first sign-in of an app is its first use of the database for accounts; on a busy machine that is slow.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 90_000 });
        await page.CloseAsync();
        return context;
    }

    /// <summary>A recipient account for the contact <paramref name="contactKey"/> (made once), signed in in a fresh browser context.</summary>
    public async Task<IBrowserContext> SignInAsRecipientAsync(string contactKey, bool bypassCsp = false, ViewportSize? viewport = null)
    {
        var email = $"{contactKey}@recipients.test";
        const string password = "Recipient-Password-1";
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Notify.Workflows.Access.NotifyUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new Notify.Workflows.Access.NotifyUser { UserName = email, Email = email, DisplayName = contactKey, ContactKey = contactKey };
                var made = await users.CreateAsync(user, password);
                if (!made.Succeeded) throw new InvalidOperationException(string.Join("; ", made.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, Notify.Workflows.Access.Roles.Recipient);
            }
        }

        return await SignInAsync(email, password, bypassCsp, viewport);
    }

    /// <summary>Opens a page as the admin and waits until the Blazor circuit is interactive, so clicks are not lost.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        _context ??= await SignInAsync(NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);
        return await OpenInAsync(_context, path);
    }

    /// <summary>A blank page in the admin's signed-in browser, for a test that listens to it before it opens anything.</summary>
    public async Task<IPage> NewPageAsync()
    {
        _context ??= await SignInAsync(NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);
        return await _context.NewPageAsync();
    }

    public async Task<IPage> OpenInAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// A full-page screenshot to look at, written only when NOTIFY_SCREENSHOTS names a folder (a person checking a page by
    /// eye); tests assert on what they see, never on the picture.
    /// </summary>
    public async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("NOTIFY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
