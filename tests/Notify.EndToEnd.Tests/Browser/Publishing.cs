using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// Publishes the flow open on a page through its confirmation dialog. The dialog asks at once and fills in the
/// replay of last week's events a moment later; the confirmation is clicked once that answer is on screen, so the
/// click does not meet the dialog while it is being drawn again, and the dialog is seen to close.
/// </summary>
public static class Publishing
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    public static async Task PublishAsync(this IPage page)
    {
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("impact-loading")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("confirm-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-publish")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    /// <summary>Publishes, then waits for the page to say which version is live.</summary>
    public static async Task PublishAsync(this IPage page, int version)
    {
        await page.PublishAsync();
        await Assertions.Expect(page.GetByText($"Published v{version}")).ToBeVisibleAsync(Patient);
    }
}
