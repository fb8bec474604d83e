using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>Picks an option of a MudBlazor select by its test id, and waits for the list to close.</summary>
public static class Selects
{
    public static async Task PickAsync(this IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
