using System.Net;
using System.Text;

namespace Notify.Web.Tests.Features.Flows;

public class FlowsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private const string Flow = """
        {
          "name": "Booking confirmed",
          "trigger": { "event": "booking.confirmed", "recordTypes": ["order"] },
          "steps": [
            { "kind": "condition", "id": "check", "expression": "EXPR" },
            { "kind": "send", "id": "tell", "channels": ["email"], "template": "order-ready", "recipients": ["customer"] }
          ]
        }
        """;

    [Fact]
    public async Task Put_ConditionThatDoesNotCompile_Is400WithThePosition()
    {
        var response = await Api.PutAsync("/api/v1/flows/booking", Json(Flow.Replace("EXPR", "record.Status == ")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ProblemErrorsAsync(response);
        Assert.StartsWith("position", Assert.Single(errors["steps[0].expression"]));
    }

    [Fact]
    public async Task Put_UnknownTemplate_Is400()
    {
        var response = await Api.PutAsync("/api/v1/flows/booking2", Json(Flow.Replace("EXPR", "true").Replace("order-ready", "nope")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("steps[1].template", (await ProblemErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task PutThenPublish_MakesVersionOne_AndGetExportsIt()
    {
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync("/api/v1/flows/booking3", Json(Flow.Replace("EXPR", "record.Status != \\\"cancelled\\\"")))).StatusCode);

        var publish = await JsonAsync(await Api.PostAsync("/api/v1/flows/booking3/publish", null));
        var flow = await JsonAsync(await Api.GetAsync("/api/v1/flows/booking3"));

        Assert.Equal(1, publish.GetProperty("version").GetInt32());
        Assert.Equal(1, flow.GetProperty("publishedVersion").GetInt32());
        Assert.Equal("condition", flow.GetProperty("definition").GetProperty("steps")[0].GetProperty("kind").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
