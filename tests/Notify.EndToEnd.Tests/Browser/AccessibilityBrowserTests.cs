using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>axe-core over every page, as the admin sees it: no critical or serious violation of WCAG 2.1 A and AA.</summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>axe-core itself, as the Deque package ships it.</summary>
    private static readonly Lazy<string> Axe = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in the Deque package.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string Run = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return result.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
            .map(v => `${v.id} (${v.impact}) ${v.help}: ` + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(' | '));
        }
        """;

    [Fact]
    public async Task EveryPage_HasNoCriticalOrSeriousAxeViolation()
    {
        var problems = new List<string>();
        foreach (var path in PageSurfaceBrowserTests.Pages)
        {
            problems.AddRange(await CheckAsync(await browser.OpenAsync(path), path));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What the people who are not staff see: the sign-in pages before anyone signs in, and a recipient's own inbox, wide and on a phone.</summary>
    [Fact]
    public async Task SignInPages_AndARecipientsInbox_HaveNoCriticalOrSeriousAxeViolation()
    {
        var problems = new List<string>();
        var visitor = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, BypassCSP = true });
        foreach (var path in (string[])["/account/login", "/account/code", "/account/login?ReturnUrl=%2Fflows"])
        {
            var page = await visitor.NewPageAsync();
            await page.GotoAsync(path);
            problems.AddRange(await CheckAsync(page, path));
        }

        foreach (var viewport in (ViewportSize?[])[null, new ViewportSize { Width = 390, Height = 844 }])
        {
            var recipient = await browser.SignInAsRecipientAsync("anna", bypassCsp: true, viewport: viewport);
            problems.AddRange(await CheckAsync(await browser.OpenInAsync(recipient, "/inbox/anna"), $"/inbox/anna ({viewport?.Width.ToString() ?? "wide"})"));
            var denied = await recipient.NewPageAsync(); // a plain sign-in page, not the app's layout
            await denied.GotoAsync("/account/denied");
            problems.AddRange(await CheckAsync(denied, "/account/denied"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string path)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(300); // the last render after the data arrived
        await page.EvaluateAsync(Axe.Value);
        var found = await page.EvaluateAsync<string[]>(Run);
        await page.CloseAsync();
        return found.Select(f => $"{path}: {f}");
    }
}
