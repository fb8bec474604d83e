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
            var page = await browser.OpenAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(300); // the last render after the data arrived
            await page.EvaluateAsync(Axe.Value);
            var found = await page.EvaluateAsync<string[]>(Run);
            problems.AddRange(found.Select(f => $"{path}: {f}"));
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
