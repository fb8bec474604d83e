using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// Ticks and unticks MudBlazor check boxes. A box's state comes back from the server a moment after the click, so
/// Playwright's own <c>CheckAsync</c> can find it unchanged on a busy machine and fail; this waits for the state
/// instead, and clicks again only when the box still shows the old state.
/// </summary>
public static class Ticks
{
    public static Task TickAsync(this ILocator box) => SetAsync(box, true);

    public static Task UntickAsync(this ILocator box) => SetAsync(box, false);

    private static async Task SetAsync(ILocator box, bool on)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await box.IsCheckedAsync() != on)
            {
                await box.ClickAsync();
            }

            try
            {
                var options = new LocatorAssertionsToBeCheckedOptions { Checked = on, Timeout = 5_000 };
                await Assertions.Expect(box).ToBeCheckedAsync(options);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is PlaywrightException or TimeoutException)
            {
                // the click was lost: look again, and click if it still shows the old state
            }
        }
    }
}
