using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin gives a template a text in another language; errors in it show at its field; it can be removed.</summary>
public sealed class TemplateLanguagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    private async Task<JsonElement> TranslationsAsync()
    {
        using var api = browser.App.CreateApiClient();
        var template = await api.GetFromJsonAsync<JsonElement>("/api/v1/templates/task-due-soon");
        return template.GetProperty("translations");
    }

    [Fact]
    public async Task AddALanguage_ItsErrorShowsAtItsField_ThenItIsSaved_AndRemovedAfterAsking()
    {
        var page = await browser.OpenAsync("/templates/task-due-soon");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "sv" })).ToBeVisibleAsync(Patient);

        await page.Locator("input[data-testid=new-language]").FillAsync("sv");
        await page.GetByTestId("add-language").ClickAsync();
        await Assertions.Expect(page.GetByText("There is already a 'sv' text.")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=new-language]").FillAsync("DA");
        await page.GetByTestId("add-language").ClickAsync();
        var danish = page.Locator("textarea[data-testid=template-sms-da]");
        await Assertions.Expect(danish).ToBeVisibleAsync(Patient);
        await danish.FillAsync("Husk: {{ record.title }} {% nope %}");
        await page.GetByTestId("save-template").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-languages").GetByText("line 1, column")).ToBeVisibleAsync(Patient);
        Assert.False((await TranslationsAsync()).TryGetProperty("da", out _));

        await danish.FillAsync("Husk: '{{ record.title }}' skal være færdig {{ record.deadline | date: '%d.%m %H:%M' }} UTC.");
        await page.GetByTestId("save-template").ClickAsync();
        await Assertions.Expect(page.GetByText("Template 'Task due soon' saved.")).ToBeVisibleAsync(Patient);
        var saved = await TranslationsAsync();
        Assert.StartsWith("Husk: '{{ record.title }}'", saved.GetProperty("da").GetProperty("sms").GetString());
        Assert.True(saved.TryGetProperty("sv", out _));

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove da" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "da" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "da" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove da" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "da" })).ToHaveCountAsync(0);
        await page.GetByTestId("save-template").ClickAsync();
        // The first save's message may still be showing, so the stored template itself tells when this save is done.
        var after = await Eventually.GetAsync(TranslationsAsync, t => !t.TryGetProperty("da", out _));
        Assert.False(after.TryGetProperty("da", out _));
        Assert.True(after.TryGetProperty("sv", out _));
    }
}
