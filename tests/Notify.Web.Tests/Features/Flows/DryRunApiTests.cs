using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Notify.Web.Tests.Features.Flows;

public class DryRunApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task OrderReady_OnAStoredOrderMadeReady_ShowsThePathAndBothMessages_AndStoresNothing()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/DRY-1", new { status = "new", title = "Brake service", contacts = new { customer = "ola" } });
        var before = await RecordAsync("order", "DRY-1");

        var response = await Api.PostAsJsonAsync("/api/v1/flows/order-ready/dry-run",
            new { record = new { type = "order", key = "DRY-1" }, @event = new { type = "record.status_changed", fromStatus = "new", toStatus = "ready" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JsonAsync(response);
        Assert.Equal(["trigger", "still-ready", "tell-customer"], result.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("stepId").GetString()));
        Assert.Equal(["conditionMet", "conditionMet", "sent"], result.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("decision").GetString()));
        var messages = result.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["email", "sms"], messages.Select(m => m.GetProperty("channel").GetString()));
        Assert.Equal("Hi Ola, your order DRY-1 is ready for pick-up.", messages[1].GetProperty("body").GetString());
        Assert.Equal("GSM-7", messages[1].GetProperty("encoding").GetString());
        var html = messages[0].GetProperty("html").GetString()!;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal); // in the company's layout, as the recipient sees it
        Assert.Contains("<strong>DRY-1</strong>", html, StringComparison.Ordinal);
        Assert.False(messages[1].TryGetProperty("html", out _)); // an SMS has none
        var after = await RecordAsync("order", "DRY-1");
        Assert.Equal(before.GetProperty("runs").GetArrayLength(), after.GetProperty("runs").GetArrayLength());
        Assert.Equal(before.GetProperty("deliveries").GetArrayLength(), after.GetProperty("deliveries").GetArrayLength());
        Assert.Equal("new", after.GetProperty("record").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TaskDueSoon_AsIfTheDeadlineWereIn23Hours_WaitsOnPaper_ThenSendsTheSmsAndTheInAppMessage()
    {
        var deadline = DateTimeOffset.UtcNow.AddDays(5);
        await Api.PutAsJsonAsync("/api/v1/records/task/DRY-T1", new { status = "open", title = "Change the filter", deadline, assignees = new[] { "per" } });

        var response = await Api.PostAsJsonAsync("/api/v1/flows/task-due-soon/dry-run",
            new { record = new { type = "task", key = "DRY-T1" }, at = deadline.AddHours(-23) });

        var result = await JsonAsync(response);
        var wait = Assert.Single(result.GetProperty("waits").EnumerateArray());
        Assert.Equal("trigger", wait.GetProperty("stepId").GetString());
        Assert.Equal(deadline.AddHours(-24).ToUnixTimeSeconds(), wait.GetProperty("until").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(["inApp", "sms"], result.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("channel").GetString()).Order());
        Assert.All(result.GetProperty("messages").EnumerateArray(), m => Assert.Contains("Change the filter", m.GetProperty("body").GetString(), StringComparison.Ordinal));
        var runs = (await RecordAsync("task", "DRY-T1")).GetProperty("runs").EnumerateArray().Where(r => r.GetProperty("flowKey").GetString() == "task-due-soon").ToList();
        Assert.Equal("waiting", Assert.Single(runs).GetProperty("status").GetString()); // the real reminder is untouched
    }

    [Fact]
    public async Task AnEventTheTriggerDoesNotFit_SaysWhy_AndSendsNothing()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/DRY-2", new { status = "new", contacts = new { customer = "ola" } });

        var result = await JsonAsync(await Api.PostAsJsonAsync("/api/v1/flows/order-ready/dry-run",
            new { record = new { type = "order", key = "DRY-2" }, @event = new { type = "record.status_changed", fromStatus = "new", toStatus = "cancelled" } }));

        var step = Assert.Single(result.GetProperty("path").EnumerateArray());
        Assert.Equal("conditionNotMet", step.GetProperty("decision").GetString());
        Assert.Contains("only to ready", step.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task AMissingRecord_Is400NamingIt_AndAMissingVersionOrFlowIs404()
    {
        var record = await Api.PostAsJsonAsync("/api/v1/flows/order-ready/dry-run", new { record = new { type = "order", key = "NOPE-DRY" } });
        var version = await Api.PostAsJsonAsync("/api/v1/flows/order-ready/dry-run", new { record = new { type = "order", key = "NOPE-DRY" }, version = 999 });
        var flow = await Api.PostAsJsonAsync("/api/v1/flows/no-such-flow/dry-run", new { record = new { type = "order", key = "NOPE-DRY" } });

        Assert.Equal(HttpStatusCode.BadRequest, record.StatusCode);
        Assert.Contains("record", (await ProblemErrorsAsync(record)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, flow.StatusCode);
    }

    private async Task<JsonElement> RecordAsync(string type, string key) => await JsonAsync(await Api.GetAsync($"/api/v1/records/{type}/{key}"));
}
