using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Flows;

public class ImpactApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static object Flow(params string[] recipients) => new
    {
        name = "Impact check",
        trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { "impact-ready" } },
        steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "email" }, template = "order-ready", recipients } },
    };

    [Fact]
    public async Task ADraftThatAlsoTellsTheManager_ShowsTheManagerNewlyReached_NextToThePublishedTotals()
    {
        await Api.PutAsJsonAsync("/api/v1/flows/impact-check", Flow("customer"));
        await Api.PostAsync("/api/v1/flows/impact-check/publish", null);
        await Api.PutAsJsonAsync("/api/v1/flows/impact-check", Flow("customer", "manager"));
        var order = new { status = "new", title = "Impact order", contacts = new { customer = "ola", manager = "kari" } };
        await Api.PutAsJsonAsync("/api/v1/records/order/IA-1", order);
        await Api.PutAsJsonAsync("/api/v1/records/order/IA-1", order with { status = "impact-ready" });

        var response = await Api.PostAsJsonAsync("/api/v1/flows/impact-check/impact", new { days = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var impact = await JsonAsync(response);
        var published = impact.GetProperty("published");
        var draft = impact.GetProperty("draft");
        Assert.Equal((1, 1, 1), (published.GetProperty("events").GetInt32(), published.GetProperty("runs").GetInt32(), published.GetProperty("people").GetInt32()));
        Assert.Equal(1, published.GetProperty("messages").GetProperty("email").GetInt32());
        Assert.Equal(2, draft.GetProperty("messages").GetProperty("email").GetInt32());
        Assert.Equal(0, draft.GetProperty("messages").GetProperty("sms").GetInt32());
        Assert.Equal(2, draft.GetProperty("people").GetInt32());
        Assert.Equal("kari", Assert.Single(impact.GetProperty("newlyReached").EnumerateArray()).GetProperty("key").GetString());
        Assert.Empty(impact.GetProperty("noLongerReached").EnumerateArray());
        var record = Assert.Single(impact.GetProperty("records").EnumerateArray());
        Assert.Equal(("IA-1", 2, 1), (record.GetProperty("key").GetString(), record.GetProperty("draftMessages").GetInt32(), record.GetProperty("publishedMessages").GetInt32()));
        Assert.Equal(1, impact.GetProperty("publishedVersion").GetInt32());
    }

    [Fact]
    public async Task WithoutABody_SevenDaysAreReplayed()
    {
        var impact = await JsonAsync(await Api.PostAsync("/api/v1/flows/order-ready/impact", null));

        Assert.Equal(7, impact.GetProperty("days").GetInt32());
        Assert.True(impact.GetProperty("draft").GetProperty("events").GetInt32() >= 1); // the demo's own AO1000 went ready
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public async Task DaysOutsideOneToNinety_Is400NamingDays(int days)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/flows/order-ready/impact", new { days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", (await ProblemErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task AMissingFlow_Is404_AndDaysThatAreNotANumber_Is400()
    {
        var missing = await Api.PostAsJsonAsync("/api/v1/flows/no-such-flow/impact", new { days = 7 });
        var text = await Api.PostAsync("/api/v1/flows/order-ready/impact", new StringContent("{\"days\":\"seven\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
    }
}
