using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The API reference page (Scalar) reads the app's own OpenAPI document, with its script allowed by hash.</summary>
public sealed class ApiReferenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ApiReference_ShowsTheOperationsByArea_WithTheApiKeyScheme_AndNoConsoleErrors()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal)) problems.Add($"{response.Status} for {response.Url}");
        };

        await page.GotoAsync("/api/reference");
        await Assertions.Expect(page.GetByText("Notify API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Selected Auth Type: ApiKey").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Flows" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Save a flow's draft from JSON (import)", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(problems);
    }
}
