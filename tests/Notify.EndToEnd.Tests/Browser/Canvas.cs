using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The flow canvas as a test drives it: nodes by step id, and real mouse drags.</summary>
internal static class Canvas
{
    public static ILocator Node(IPage page, string id) => page.GetByTestId($"node-{id}");

    /// <summary>A node's title bar: the part of a node the mini-map in the corner never covers.</summary>
    public static ILocator Head(IPage page, string id) => Node(page, id).Locator(".flow-node-head");

    /// <summary>Presses the mouse on <paramref name="from"/>, moves in small steps and lets go over <paramref name="to"/>: a real drag.</summary>
    public static async Task DragAsync(IPage page, ILocator from, ILocator to, float dx = 0, float dy = 0)
    {
        await from.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await to.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(300); // the canvas has measured its ports after the last redraw
        var a = await from.BoundingBoxAsync() ?? throw new InvalidOperationException("the drag's start is not on screen");
        var b = await to.BoundingBoxAsync() ?? throw new InvalidOperationException("the drag's end is not on screen");
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(a.X + a.Width / 2 + 5, a.Y + a.Height / 2 + 5, new MouseMoveOptions { Steps = 3 });
        await page.Mouse.MoveAsync(b.X + b.Width / 2 + dx, b.Y + b.Height / 2 + dy, new MouseMoveOptions { Steps = 15 });
        await page.Mouse.UpAsync();
    }
}
