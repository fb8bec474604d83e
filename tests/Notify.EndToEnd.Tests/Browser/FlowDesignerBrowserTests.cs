using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin builds a flow by clicking, without JSON: the trigger, a condition, a message; then it runs.</summary>
public sealed class FlowDesignerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientText = new() { Timeout = 30_000 };

    [Fact]
    public async Task NewFlow_BuiltByClicking_BadConditionFlaggedAtItsField_ThenPublished_AndItSends()
    {
        var page = await browser.OpenAsync("/flows");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New flow" }).ClickAsync();
        await page.Locator("input[data-testid=new-flow-name]").FillAsync("Urgent task");
        await Assertions.Expect(page.Locator("input[data-testid=new-flow-key]")).ToHaveValueAsync("urgent-task");
        await page.Locator("input[data-testid=new-flow-key]").FillAsync("urgent-task-created");
        await page.GetByText("Order ready → tell the customer").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Step by step" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-designer")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.Locator("input[data-testid=flow-name]")).ToHaveValueAsync("Urgent task");

        await page.Locator("input[data-testid=flow-name]").FillAsync("Urgent task created");
        await page.GetByLabel("A record is created").TickAsync();
        await page.Locator("input[data-testid=trigger-type-order]").UntickAsync();
        await page.Locator("input[data-testid=trigger-type-task]").TickAsync();
        await Assertions.Expect(page.GetByTestId("trigger-summary")).ToContainTextAsync("When a task is created");

        // A condition before the message, added between the trigger and the first step.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add a step before step 1" }).ClickAsync();
        await page.GetByTestId("add-condition").ClickAsync();
        await page.Locator("input[data-testid=step-0-condition-advanced]").TickAsync(); // typed by hand, behind the switch
        var condition = page.Locator("input[data-testid=step-0-condition-expression]");
        await condition.FillAsync("record.Title.Contains(");

        // The send step is now step 2: to everyone assigned, in the app, with the due-soon template (which has no email text).
        await page.Locator("input[data-testid=step-1-to-customer]").UntickAsync();
        await page.Locator("input[data-testid=step-1-to-assignees]").TickAsync();
        await page.GetByTestId("step-1-template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("task-due-soon") }).ClickAsync();
        var noEmailText = page.GetByTestId("step-1").GetByText("has no Email text");
        await Assertions.Expect(noEmailText).ToBeVisibleAsync(Patient);
        await page.Locator("input[data-testid=step-1-channel-email]").UntickAsync();
        await page.Locator("input[data-testid=step-1-channel-sms]").UntickAsync();
        await page.Locator("input[data-testid=step-1-channel-inApp]").TickAsync();
        await Assertions.Expect(noEmailText).ToHaveCountAsync(0);

        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-0").GetByText("position")).ToBeVisibleAsync(Patient);
        using var api = browser.App.CreateApiClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/flows/urgent-task-created")).StatusCode);

        await condition.FillAsync("record.Title.Contains(\"urgent\")");
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-errors")).ToHaveCountAsync(0);
        await page.PublishAsync(1);

        var flow = await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/urgent-task-created");
        Assert.Equal(1, flow.GetProperty("publishedVersion").GetInt32());
        Assert.False(flow.GetProperty("hasUnpublishedChanges").GetBoolean());
        var published = flow.GetProperty("definition");
        Assert.Equal("record.created", published.GetProperty("trigger").GetProperty("event").GetString());
        Assert.Equal(["task"], published.GetProperty("trigger").GetProperty("recordTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["condition", "send"], published.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));

        // It runs: an urgent task puts a message in Per's inbox (he is its assignee); a plain one sends nothing.
        await api.PutAsJsonAsync("/api/v1/records/task/T-URGENT", new { status = "open", title = "urgent: boiler leaks", assignees = new[] { "per" } });
        await api.PutAsJsonAsync("/api/v1/records/task/T-PLAIN", new { status = "open", title = "tidy the shed", assignees = new[] { "per" } });
        var sent = await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=urgent-task-created");
        var items = sent.GetProperty("items").EnumerateArray().ToList();
        var only = Assert.Single(items);
        Assert.Equal("per", only.GetProperty("contactKey").GetString());
        Assert.Equal("inApp", only.GetProperty("channel").GetString());
        Assert.NotEqual("skipped", only.GetProperty("status").GetString());
        Assert.Equal("T-URGENT", only.GetProperty("recordKey").GetString());
    }

    [Fact]
    public async Task ExistingFlow_EditedInTheDesigner_ShowsTheSameFlowInJson_AndRemovingAStepAsksFirst()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Step by step" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-1")).ToBeVisibleAsync(Patient);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove step 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-1")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove step 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-1")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "JSON (advanced)" }).ClickAsync();
        var json = await page.Locator("textarea[data-testid=flow-json]").InputValueAsync();
        Assert.DoesNotContain("\"condition\"", json);
        Assert.Contains("\"send\"", json);

        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unpublished")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0);
        using var api = browser.App.CreateApiClient();
        var flow = await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/order-ready");
        Assert.Equal(["send"], flow.GetProperty("definition").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task LeavingWithEditsNotSaved_AsksFirst_AndStayingKeepsThem()
    {
        var page = await browser.OpenAsync("/flows/task-overdue");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Step by step" }).ClickAsync();
        var name = page.Locator("input[data-testid=flow-name]");
        await Assertions.Expect(name).ToHaveValueAsync("Task overdue", new LocatorAssertionsToHaveValueOptions { Timeout = 30_000 });
        await name.FillAsync("Task overdue (edited)");
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Templates" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stay" }).ClickAsync();
        await Assertions.Expect(name).ToHaveValueAsync("Task overdue (edited)");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Templates" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Leave" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/templates$"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();
        var flow = await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/task-overdue");
        Assert.Equal("Task overdue", flow.GetProperty("name").GetString());
    }
}
