using System.Net;
using System.Net.Http.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.Deliveries;

public class DeliveryDetailsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Details_OfASentDelivery_ListItsAttempt()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/DET-1", new { status = "new", contacts = new { customer = "ola" } });
        await Api.PutAsJsonAsync("/api/v1/records/order/DET-1", new { status = "ready", contacts = new { customer = "ola" } });
        var sent = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/deliveries?recordKey=DET-1&channel=sms&status=sent")),
            j => j.GetProperty("total").GetInt32() == 1);
        var id = sent.GetProperty("items")[0].GetProperty("id").GetString();

        var details = await JsonAsync(await Api.GetAsync($"/api/v1/deliveries/{id}"));

        Assert.Equal(id, details.GetProperty("delivery").GetProperty("id").GetString());
        var attempt = Assert.Single(details.GetProperty("attempts").EnumerateArray());
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
        Assert.Equal("sent", attempt.GetProperty("outcome").GetString());
        Assert.Equal(details.GetProperty("delivery").GetProperty("providerMessageId").GetString(), attempt.GetProperty("answer").GetString());
        Assert.True(attempt.GetProperty("endedAt").GetDateTime() >= attempt.GetProperty("startedAt").GetDateTime());
    }

    [Fact]
    public async Task Details_OfNoSuchDelivery_IsAProblem404()
    {
        var response = await Api.GetAsync($"/api/v1/deliveries/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
