using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin draws a branching flow on the canvas with the mouse, and a keyboard user builds one through the outline.</summary>
public sealed class FlowCanvasBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 30_000 };
    private static readonly System.Text.RegularExpressions.Regex NeverRuns = new("never runs");

    private static ILocator Node(IPage page, string id) => Canvas.Node(page, id);

    private static ILocator Head(IPage page, string id) => Canvas.Head(page, id);

    private static ILocator Port(IPage page, string id, string exit) => Node(page, id).Locator($".exit-{exit}");

    private const string Condition = "(record.Has(\"amount\") && record.Number(\"amount\") > 1000) && " +
        "(record.Has(\"pickup_from\") && record.Date(\"pickup_from\") >= now && record.Date(\"pickup_from\") <= now.AddDays(14))";

    [Fact]
    public Task BranchingFlow_DrawnWithTheMouse_SavedReloadedPublished_SendsWhatTheDrawingSays() => DrawSaveAndRunABranchingFlowAsync(browser);

    /// <summary>The whole story on whichever database the fixture's app uses.</summary>
    internal static async Task DrawSaveAndRunABranchingFlowAsync(BrowserFixture browser)
    {
        var page = await browser.OpenAsync("/flows");
        await page.SetViewportSizeAsync(1440, 1100); // the whole canvas on screen, so every drag lands where it aims
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New flow" }).ClickAsync();
        await page.Locator("input[data-testid=new-flow-name]").FillAsync("Big order follow-up");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(Node(page, "trigger")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.Locator(".flow-node")).ToHaveCountAsync(1);

        // The trigger: an order is created.
        await Node(page, "trigger").ClickAsync();
        await page.GetByLabel("A record is created").TickAsync();
        await page.Locator("input[data-testid=trigger-type-order]").TickAsync();

        // Three nodes from the palette: the first is where the flow starts until an arrow says otherwise.
        await page.GetByTestId("palette-send").ClickAsync();
        await Assertions.Expect(Node(page, "send-1")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("palette-branch").ClickAsync();
        await Assertions.Expect(Node(page, "branch-1")).ToBeVisibleAsync(Patient); // each node drawn before the next click
        await page.GetByTestId("palette-send").ClickAsync();
        await Assertions.Expect(Node(page, "send-2")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("canvas-fit").ClickAsync();
        await Assertions.Expect(Node(page, "branch-1")).ToHaveAttributeAsync("title", NeverRuns, Slow); // nothing leads to it yet

        // The When node's port dragged onto the If node; then its yes and no ports onto the two sends.
        await Canvas.DragAsync(page, Port(page, "trigger", "next"), Head(page, "branch-1"));
        await Assertions.Expect(Node(page, "send-1")).ToHaveAttributeAsync("title", NeverRuns, Slow); // the first send is now cut off
        await Canvas.DragAsync(page, Port(page, "branch-1", "then"), Head(page, "send-1"));
        await Canvas.DragAsync(page, Port(page, "branch-1", "else"), Head(page, "send-2"));
        await Assertions.Expect(Node(page, "send-1")).Not.ToHaveAttributeAsync("title", NeverRuns, Slow);
        await Assertions.Expect(Node(page, "branch-1")).Not.ToHaveAttributeAsync("title", NeverRuns);
        await Assertions.Expect(Node(page, "branch-1")).Not.ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("path is not connected"));
        await Assertions.Expect(page.GetByTestId("outline-branch-1")).ToContainTextAsync("yes → Send a message (send-1), no → Send a message (send-2)");

        // The panels: a condition on the If node; big orders by email, the rest by SMS, both to the customer.
        // The condition from rows: a number field and a date field the demo's orders carry in their data.
        await Node(page, "branch-1").ClickAsync();
        await page.GetByTestId("step-0-condition-add-row").ClickAsync();
        await page.PickAsync("step-0-condition-0-field", "Record data: amount (number)");
        await page.PickAsync("step-0-condition-0-op", "is more than");
        await page.Locator("input[data-testid=step-0-condition-0-value]").FillAsync("1 000");
        await page.GetByTestId("step-0-condition-add-row").ClickAsync();
        await page.PickAsync("step-0-condition-1-field", "Record data: pickup from (date)");
        await page.PickAsync("step-0-condition-1-op", "is within the next");
        await page.Locator("input[data-testid=step-0-condition-1-amount]").FillAsync("14");
        await page.PickAsync("step-0-condition-1-unit", "days");
        await Assertions.Expect(page.GetByTestId("step-0-condition-written")).ToHaveTextAsync(Condition, new() { Timeout = 30_000 });
        await Node(page, "send-1").ClickAsync();
        await page.GetByTestId("step-1-template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("order-ready") }).ClickAsync();
        await page.Locator("input[data-testid=step-1-to-customer]").TickAsync();
        await Node(page, "send-2").ClickAsync();
        await page.Locator("input[data-testid=step-2-channel-email]").UntickAsync();
        await page.Locator("input[data-testid=step-2-channel-sms]").TickAsync();
        await page.GetByTestId("step-2-template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("order-ready") }).ClickAsync();
        await page.Locator("input[data-testid=step-2-to-customer]").TickAsync();
        await Assertions.Expect(page.GetByTestId("flow-checks")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        // A node dragged to a new place keeps it.
        var before = (await Node(page, "send-2").BoundingBoxAsync())!;
        await Canvas.DragAsync(page, Head(page, "send-2"), Head(page, "send-2"), dx: 120, dy: 40);
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=node-send-2]').getBoundingClientRect().x > {before.X + 60}");

        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();
        var saved = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/big-order-follow-up")).GetProperty("definition");
        var layout = saved.GetProperty("layout");
        Assert.Equal(["trigger", "branch-1", "send-1", "send-2"], layout.EnumerateObject().Select(p => p.Name));
        var steps = saved.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("branch-1", steps[0].GetProperty("id").GetString());
        Assert.Equal("send-1", steps[0].GetProperty("then").GetString());
        Assert.Equal(Condition, steps[0].GetProperty("expression").GetString());
        Assert.Equal("send-2", steps[0].GetProperty("else").GetString());

        // Reloaded, the same drawing: the same nodes in the same places, three arrows.
        var reloaded = await browser.OpenAsync("/flows/big-order-follow-up");
        await reloaded.SetViewportSizeAsync(1440, 1100);
        await Assertions.Expect(Node(reloaded, "send-2")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(reloaded.Locator(".diagram-link")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(reloaded.GetByTestId("outline-trigger")).ToContainTextAsync("→ If / otherwise (branch-1)");
        var x = layout.GetProperty("send-2").GetProperty("x").GetDouble();
        var again = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/big-order-follow-up")).GetProperty("definition").GetProperty("layout");
        Assert.Equal(x, again.GetProperty("send-2").GetProperty("x").GetDouble());

        await reloaded.PublishAsync(1);

        var soon = DateTimeOffset.UtcNow.AddDays(3);
        await api.PutAsJsonAsync("/api/v1/records/order/CANVAS-BIG", new { status = "new", contacts = new { customer = "ola" }, data = new { amount = 1500, pickup_from = soon } });
        await api.PutAsJsonAsync("/api/v1/records/order/CANVAS-SMALL", new { status = "new", contacts = new { customer = "ola" }, data = new { amount = "250", pickup_from = soon } });
        await api.PutAsJsonAsync("/api/v1/records/order/CANVAS-LATER", new { status = "new", contacts = new { customer = "ola" }, data = new { amount = 5000, pickup_from = soon.AddDays(30) } });
        var sent = (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=big-order-follow-up")).GetProperty("items").EnumerateArray()
            .Select(d => (Record: d.GetProperty("recordKey").GetString(), Channel: d.GetProperty("channel").GetString(), To: d.GetProperty("contactKey").GetString()))
            .OrderBy(d => d.Record).ToList();
        Assert.Equal([("CANVAS-BIG", "email", "ola"), ("CANVAS-LATER", "sms", "ola"), ("CANVAS-SMALL", "sms", "ola")], sent);
    }

    [Fact]
    public async Task Outline_KeyboardOnly_BuildsAFlow()
    {
        var page = await browser.OpenAsync("/flows/keyboard-flow?new=true&name=Keyboard%20flow&start=empty");
        await Assertions.Expect(page.GetByTestId("outline-trigger")).ToBeVisibleAsync(Patient);

        // Into the outline's "Add a step" menu and down to "Send a message", by keys alone.
        for (var attempt = 1; ; attempt++)
        {
            // Open the menu (unless it is still open) and press Enter on "Send a message"; a key lost while the menu
            // was still opening is pressed again only while no step has been added.
            if (await page.GetByTestId("outline-add-send").CountAsync() == 0)
            {
                await page.GetByTestId("outline-add").Locator("button").FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }

            await page.GetByTestId("outline-add-send").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            try
            {
                await Assertions.Expect(page.GetByTestId("outline-send-1")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Assertions.Expect(page.GetByTestId("outline-trigger")).ToContainTextAsync("→ Send a message (send-1)");
        // The menu has closed and handed the focus back before any other key is pressed, so no key lands in it.
        await Assertions.Expect(page.GetByTestId("outline-add-send")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(500);

        // The new step is open in the editor: untick email, tick in-app and the assignees.
        await SpaceAsync(page.Locator("input[data-testid=step-0-channel-email]"), false);
        await SpaceAsync(page.Locator("input[data-testid=step-0-channel-inApp]"), true);
        await SpaceAsync(page.Locator("input[data-testid=step-0-to-assignees]"), true);
        for (var attempt = 1; ; attempt++)
        {
            // Enter opens the template list; a key lost to a re-render is pressed again while the list is still closed.
            await page.GetByTestId("step-0-template").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            try
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // still closed after ten seconds: the key was lost, and the loop presses it again
            }
        }

        var active = page.Locator("[role=option].mud-selected-item"); // the option the arrows are on (only used to wait for each key)
        for (var i = 0; i < 12 && !(await ActiveTextAsync(active)).Contains("Task due soon", StringComparison.Ordinal); i++)
        {
            // While the list is still opening, its keyboard handler may miss a key: press again only when the highlight did not move.
            var before = await ActiveTextAsync(active);
            await page.Keyboard.PressAsync("ArrowDown");
            try
            {
                await page.WaitForFunctionAsync("b => (document.querySelector('[role=option].mud-selected-item')?.innerText ?? '') !== b", before,
                    new PageWaitForFunctionOptions { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // the key was lost; the loop presses it again
            }
        }

        await Assertions.Expect(active).ToContainTextAsync("Task due soon");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Node(page, "send-1")).ToContainTextAsync("Task due soon", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("flow-checks")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("outline-send-2")).ToHaveCountAsync(0);

        // Only once the list has closed and the button holds the focus does Enter belong to it.
        var save = page.GetByTestId("save-flow");
        await save.FocusAsync();
        await Assertions.Expect(save).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();
        var step = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/keyboard-flow")).GetProperty("definition").GetProperty("steps").EnumerateArray());
        Assert.Equal(["inApp"], step.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("task-due-soon", step.GetProperty("template").GetString());
        Assert.Equal(["assignees"], step.GetProperty("recipients").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task PaletteDrag_ArrowAndNodeDeleted_WithConfirmation_AndUndoBringsTheNodeBack()
    {
        var page = await browser.OpenAsync("/flows/canvas-edits?new=true&name=Canvas%20edits&start=deadline-reminders");
        await page.SetViewportSizeAsync(1440, 1100);
        await Assertions.Expect(Node(page, "overdue")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(5, new() { Timeout = 30_000 });

        // A Wait dragged from the palette onto the canvas lands as a node of its own, connected to nothing.
        var area = (await page.Locator(".flow-canvas-area").BoundingBoxAsync())!;
        await page.GetByTestId("palette-delay").DragToAsync(page.Locator(".flow-canvas-area"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = area.Width - 160, Y = 120 } });
        await Assertions.Expect(Node(page, "delay-1")).ToBeVisibleAsync(Patient);
        var dropped = (await Node(page, "delay-1").BoundingBoxAsync())!;
        Assert.True(dropped.X > area.X + area.Width / 2, "the node lands where it was dropped, not below the others as a click would put it");
        await Assertions.Expect(page.GetByTestId("outline-delay-1")).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, "delay-1")).ToHaveAttributeAsync("title", NeverRuns, Slow);

        // The arrow from the reminder to the wait, clicked and deleted: the reminder is now where the run ends.
        var from = (await Port(page, "remind", "next").BoundingBoxAsync())!;
        var to = (await Head(page, "until-after").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(from.X + from.Width / 2, (from.Y + from.Height + to.Y) / 2);
        await Assertions.Expect(page.GetByTestId("canvas-delete")).ToBeEnabledAsync(new() { Timeout = 30_000 }); // the arrow is selected
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("outline-remind")).ToContainTextAsync("→ the end");
        await Assertions.Expect(Node(page, "until-after")).ToHaveAttributeAsync("title", NeverRuns, Slow);

        // The wait itself: Delete asks first; Cancel keeps it, Remove takes it away, Undo brings it back.
        await Head(page, "until-after").ClickAsync();
        await Assertions.Expect(page.GetByTestId("canvas-delete")).ToBeEnabledAsync(new() { Timeout = 30_000 }); // the node is selected
        await page.GetByTestId("canvas-delete").ClickAsync();
        await Assertions.Expect(page.GetByText("Remove 'Until an hour after the deadline' (until-after)?", new() { Exact = false })).ToBeVisibleAsync(Patient);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(Node(page, "until-after")).ToBeVisibleAsync();
        await page.GetByTestId("canvas-delete").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(Node(page, "until-after")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("outline-until-after")).ToHaveCountAsync(0);

        await page.GetByTestId("canvas-undo").ClickAsync();
        await Assertions.Expect(Node(page, "until-after")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("outline-until-after")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Focuses a check box and presses Space until it shows <paramref name="on"/>: the state comes back from the server,
    /// and a key pressed while a re-render moves the focus is lost, so it presses again only when the box is unchanged.
    /// </summary>
    private static async Task SpaceAsync(ILocator box, bool on)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await box.IsCheckedAsync() != on)
            {
                await box.FocusAsync();
                await Assertions.Expect(box).ToBeFocusedAsync(new() { Timeout = 5_000 });
                await box.PressAsync("Space");
            }

            try
            {
                await Assertions.Expect(box).ToBeCheckedAsync(new LocatorAssertionsToBeCheckedOptions { Checked = on, Timeout = 5_000 });
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is PlaywrightException or TimeoutException)
            {
                // the key was lost: look again, and press if it still shows the old state
            }
        }
    }

    private static async Task<string> ActiveTextAsync(ILocator active) => await active.CountAsync() > 0 ? await active.InnerTextAsync() : "";

    [Fact]
    public async Task UnknownFlow_SaysNotFound_InsteadOfAnEditor()
    {
        var page = await browser.OpenAsync("/flows/no-such-flow");

        await Assertions.Expect(page.GetByTestId("empty-state")).ToContainTextAsync("There is no flow 'no-such-flow'", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("flow-canvas")).ToHaveCountAsync(0);
    }
}
