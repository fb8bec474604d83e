using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The app on a real loopback port, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public NotifyAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
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

    /// <summary>Opens a page and waits until the Blazor circuit is interactive, so clicks are not lost.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = BaseUrl });
        await page.GotoAsync(path);
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
