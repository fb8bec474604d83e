using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Notify.Web.Tests.Features.Flows;

/// <summary>Disabling, enabling and deleting a flow: what it starts, what happens to its waiting runs, and what history stays.</summary>
public class FlowSwitchesApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private async Task PublishAsync(string key, bool wait = false)
    {
        var steps = new List<object>();
        if (wait) steps.Add(new { kind = "delay", id = "a-day", amount = 1, unit = "days" });
        steps.Add(new { kind = "send", id = "tell", channels = new[] { "inApp" }, template = "order-ready", recipients = new[] { "customer" } });
        var flow = new { name = key, trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { key } }, steps };
        (await Api.PutAsJsonAsync($"/api/v1/flows/{key}", flow)).EnsureSuccessStatusCode();
        (await Api.PostAsync($"/api/v1/flows/{key}/publish", null)).EnsureSuccessStatusCode();
    }

    private async Task MakeAsync(string status, string record)
    {
        (await Api.PutAsJsonAsync($"/api/v1/records/order/{record}", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await Api.PutAsJsonAsync($"/api/v1/records/order/{record}", new { status, contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
    }

    private async Task<List<(string Record, string Status)>> RunsAsync(string flow) =>
        (await JsonAsync(await Api.GetAsync($"/api/v1/runs?flow={flow}&pageSize=100"))).GetProperty("items").EnumerateArray()
        .Select(r => (r.GetProperty("recordKey").GetString()!, r.GetProperty("status").GetString()!)).OrderBy(r => r.Item1).ToList();

    [Fact]
    public async Task Disabled_StartsNoRuns_AndEnabledAgain_StartsThem()
    {
        await PublishAsync("sw-collected");
        await MakeAsync("sw-collected", "SW-1");

        var disabled = await JsonAsync(await Api.PostAsync("/api/v1/flows/sw-collected/disable", null));
        await MakeAsync("sw-collected", "SW-2");
        var view = await JsonAsync(await Api.GetAsync("/api/v1/flows/sw-collected"));
        (await Api.PostAsync("/api/v1/flows/sw-collected/enable", null)).EnsureSuccessStatusCode();
        await MakeAsync("sw-collected", "SW-3");

        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.True(view.GetProperty("disabled").GetBoolean());
        Assert.Equal(["SW-1", "SW-3"], (await RunsAsync("sw-collected")).Select(r => r.Record));
        Assert.False((await JsonAsync(await Api.GetAsync("/api/v1/flows/sw-collected"))).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_LeavesWaitingRunsToFinish_OrCancelsThemWhenAsked()
    {
        await PublishAsync("sw-waiting", wait: true);
        await MakeAsync("sw-waiting", "SW-W1");
        Assert.Equal([("SW-W1", "waiting")], await RunsAsync("sw-waiting"));

        var kept = await JsonAsync(await Api.PostAsync("/api/v1/flows/sw-waiting/disable", null));
        var stillWaiting = await RunsAsync("sw-waiting");
        await Api.PostAsync("/api/v1/flows/sw-waiting/enable", null);
        var cancelled = await JsonAsync(await Api.PostAsync("/api/v1/flows/sw-waiting/disable?cancelWaiting=true", null));

        Assert.Equal(0, kept.GetProperty("cancelledRuns").GetInt32());
        Assert.Equal([("SW-W1", "waiting")], stillWaiting);
        Assert.Equal(1, cancelled.GetProperty("cancelledRuns").GetInt32());
        Assert.Equal([("SW-W1", "cancelled")], await RunsAsync("sw-waiting"));
    }

    [Fact]
    public async Task Delete_GoneFromTheListAndStartsNothing_ItsRunsStay_AndSavingTheKeyAgainBringsItBackDisabled()
    {
        await PublishAsync("sw-deleted", wait: true);
        await MakeAsync("sw-deleted", "SW-D1");

        var deleted = await JsonAsync(await Api.DeleteAsync("/api/v1/flows/sw-deleted"));
        var get = await Api.GetAsync("/api/v1/flows/sw-deleted");
        var list = (await JsonAsync(await Api.GetAsync("/api/v1/flows"))).EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        await MakeAsync("sw-deleted", "SW-D2");
        var again = await Api.DeleteAsync("/api/v1/flows/sw-deleted");

        Assert.Equal(1, deleted.GetProperty("cancelledRuns").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("sw-deleted", list);
        Assert.Equal([("SW-D1", "cancelled")], await RunsAsync("sw-deleted"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, (await JsonAsync(await Api.GetAsync("/api/v1/flows/sw-deleted/versions"))).GetArrayLength()); // its one version stays

        var back = await Api.PutAsJsonAsync("/api/v1/flows/sw-deleted", new
        {
            name = "Back",
            trigger = new { @event = "record.created" },
            steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "inApp" }, template = "order-ready", recipients = new[] { "customer" } } },
        });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.True((await JsonAsync(back)).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task AnUnknownFlow_Is404_ForEachSwitch()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync("/api/v1/flows/no-such-flow/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync("/api/v1/flows/no-such-flow/enable", null)).StatusCode);
        var delete = await Api.DeleteAsync("/api/v1/flows/no-such-flow");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
    }
}
