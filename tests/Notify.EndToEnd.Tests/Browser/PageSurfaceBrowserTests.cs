using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>Every page as the browser sees it: no console errors (the Content Security Policy lets Blazor run), nothing
/// it asks for goes missing, one level-one heading and a main landmark.</summary>
public sealed class PageSurfaceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static readonly string[] Pages =
    [
        "/", "/flows", "/flows/order-ready", "/templates", "/templates/order-ready", "/contacts", "/record-types",
        "/inbox", "/inbox/ola", "/records", "/records/order/AO1000", "/runs", "/messages/new", "/deliveries",
        "/deliveries?channel=sms", "/sms", "/costs", "/sandbox", "/settings/channels", "/settings/organisation",
        "/settings/send-login", "/settings/users", "/settings/api-keys", "/settings/audit",
    ];

    [Fact]
    public async Task EveryPage_HasNoConsoleErrors_NoMissingFiles_OneHeading_AndAMainLandmark()
    {
        var problems = new List<string>();
        foreach (var path in Pages)
        {
            var page = await browser.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error") problems.Add($"{path}: console: {message.Text}");
            };
            page.PageError += (_, error) => problems.Add($"{path}: page error: {error}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 400 && response.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal)) problems.Add($"{path}: {response.Status} for {response.Url}");
            };
            await page.GotoAsync(path);
            await page.Locator("#notify-app[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1);
            await browser.SaveScreenshotAsync(page, "wide" + path.Replace('/', '-').Replace('?', '-'));
            await page.CloseAsync();
        }

        Assert.Empty(problems);
    }

    /// <summary>On a phone (390 px wide) no page scrolls sideways: a wide table scrolls inside its own box.</summary>
    [Fact]
    public async Task EveryPage_OnAPhone_FitsTheScreensWidth()
    {
        var phone = await browser.SignInAsync(NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword, viewport: new ViewportSize { Width = 390, Height = 844 });
        var problems = new List<string>();
        foreach (var path in Pages)
        {
            var page = await browser.OpenInAsync(phone, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            var wider = await page.EvaluateAsync<string?>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= width) return null;
                  const culprit = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > width + 1)
                    .find(e => [...e.children].every(c => c.getBoundingClientRect().right <= width + 1));
                  return `${document.documentElement.scrollWidth} px wide; e.g. <${culprit?.tagName.toLowerCase()} class="${culprit?.className}">${culprit?.textContent?.trim().slice(0, 60)}`;
                }
                """);
            if (wider is not null) problems.Add($"{path}: {wider}");
            await browser.SaveScreenshotAsync(page, "phone" + path.Replace('/', '-').Replace('?', '-'));
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task UnknownAddress_ShowsAPageThatSaysSo_WithAWayBack()
    {
        var page = await browser.OpenAsync("/flows");
        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page does not exist", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the overview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
