using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Events;

public class EventsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Post_SameIdempotencyKey_AnswersWithTheFirstEvent()
    {
        var body = new { type = "booking.confirmed", record = new { type = "order", key = "AO462" }, data = new { at = "10:00" } };
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "abc-1");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(body) };
        second.Headers.Add("Idempotency-Key", "abc-1");

        var a = await JsonAsync(await Api.SendAsync(first));
        var b = await JsonAsync(await Api.SendAsync(second));

        Assert.Equal(a.GetProperty("eventId").GetString(), b.GetProperty("eventId").GetString());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Post_MissingRecord_Is400NamingTheFields()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/events", new { type = "x.y" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("record.type", errors.Keys);
        Assert.Contains("record.key", errors.Keys);
    }
}
