using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Flows;

public class FlowVersionsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static object Flow(string status) => new
    {
        name = "Versioned",
        trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { status } },
        steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "email" }, template = "order-ready", recipients = new[] { "customer" } } },
    };

    [Fact]
    public async Task PublishedTwice_TheHistoryListsBothWithWhoAndWhat_AndRestoringOneMakesItTheDraftAgain()
    {
        await Api.PutAsJsonAsync("/api/v1/flows/versioned", Flow("ready"));
        await Api.PostAsync("/api/v1/flows/versioned/publish", null);
        await Api.PutAsJsonAsync("/api/v1/flows/versioned", Flow("shipped"));
        await Api.PostAsync("/api/v1/flows/versioned/publish", null);

        var versions = (await JsonAsync(await Api.GetAsync("/api/v1/flows/versioned/versions"))).EnumerateArray().ToList();
        var first = await JsonAsync(await Api.GetAsync("/api/v1/flows/versioned/versions/1"));
        var restored = await Api.PostAsync("/api/v1/flows/versioned/versions/1/restore", null);
        var draft = await JsonAsync(await Api.GetAsync("/api/v1/flows/versioned"));

        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions, v => Assert.StartsWith("API key", v.GetProperty("publishedBy").GetString(), StringComparison.Ordinal));
        Assert.Contains("changes to shipped", versions[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("changes to ready", versions[1].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(versions[0].GetProperty("isCurrent").GetBoolean());
        Assert.Equal("ready", first.GetProperty("trigger").GetProperty("toStatuses")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("ready", draft.GetProperty("definition").GetProperty("trigger").GetProperty("toStatuses")[0].GetString());
        Assert.True(draft.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal(2, draft.GetProperty("publishedVersion").GetInt32());
    }

    [Fact]
    public async Task AMissingVersionOrFlow_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/flows/order-ready/versions/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync("/api/v1/flows/order-ready/versions/99/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/flows/no-such-flow/versions")).StatusCode);
    }
}
