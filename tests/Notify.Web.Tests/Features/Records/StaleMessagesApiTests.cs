using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.Records;

/// <summary>A message is out of date when a record field it used has changed since it was sent, and only then.</summary>
public class StaleMessagesApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private async Task<List<JsonElement>> DeliveriesAsync(string key) =>
        (await JsonAsync(await Api.GetAsync($"/api/v1/records/order/{key}"))).GetProperty("deliveries").EnumerateArray().ToList();

    private Task<HttpResponseMessage> PutAsync(string key, string status, string pickup, string note) =>
        Api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status, title = "Winter tyres", contacts = new { customer = "ola" }, data = new { pickup, note } });

    [Fact]
    public async Task PickupMovesAfterTheEmail_TheEmailIsOutOfDate_NamingPickup_TheSmsIsNot()
    {
        await PutAsync("STALE-1", "new", "Storgata 1", "first");
        await PutAsync("STALE-1", "ready", "Storgata 1", "first");
        await Eventually.GetAsync(() => DeliveriesAsync("STALE-1"), d => d.Count == 2);

        await PutAsync("STALE-1", "ready", "Storgata 1", "changed, but no message uses it");
        var afterUnused = await DeliveriesAsync("STALE-1");
        await PutAsync("STALE-1", "ready", "Lagerveien 5", "changed, but no message uses it");
        var afterPickup = await DeliveriesAsync("STALE-1");

        Assert.All(afterUnused, d => Assert.False(d.GetProperty("stale").GetBoolean()));
        var email = afterPickup.Single(d => d.GetProperty("channel").GetString() == "email");
        Assert.True(email.GetProperty("stale").GetBoolean());
        Assert.Equal(["record.data.pickup"], email.GetProperty("staleFields").EnumerateArray().Select(f => f.GetString()));
        var sms = afterPickup.Single(d => d.GetProperty("channel").GetString() == "sms");
        Assert.False(sms.GetProperty("stale").GetBoolean()); // its text uses only the order's key
        Assert.Empty(sms.GetProperty("staleFields").EnumerateArray());
    }
}
