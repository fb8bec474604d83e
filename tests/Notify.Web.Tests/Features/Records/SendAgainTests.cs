using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Web.Features.Records;

namespace Notify.Web.Tests.Features.Records;

/// <summary>"Send again with the current data" renders the template for the event the message was sent for, on the record as it is now.</summary>
public sealed class SendAgainTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task SendAgain_KeepsTheEventsData_AndTakesTheRecordsNewData()
    {
        (await Api.PutAsJsonAsync("/api/v1/templates/room-booked", new
        {
            name = "Room booked", content = new { emailSubject = "Your booking", emailText = "Room {{ event.data.room }}, from {{ record.data.start }}." },
        })).EnsureSuccessStatusCode();
        (await Api.PutAsJsonAsync("/api/v1/flows/room-booked", new
        {
            name = "Room booked",
            trigger = new { @event = "room.booked", recordTypes = new[] { "booking" } },
            steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "email" }, template = "room-booked", recipients = new[] { "customer" } } },
        })).EnsureSuccessStatusCode();
        (await Api.PostAsync("/api/v1/flows/room-booked/publish", null)).EnsureSuccessStatusCode();
        async Task PutAsync(string start) => (await Api.PutAsJsonAsync("/api/v1/records/booking/AGAIN-1",
            new { status = "booked", contacts = new { customer = "ola" }, data = new { start } })).EnsureSuccessStatusCode();
        await PutAsync("10:00");
        (await Api.PostAsJsonAsync("/api/v1/events", new { type = "room.booked", record = new { type = "booking", key = "AGAIN-1" }, data = new { room = "3B" } }))
            .EnsureSuccessStatusCode();
        var first = await Eventually.GetAsync(() => Api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=AGAIN-1&status=sent"),
            j => j.GetProperty("total").GetInt32() == 1);
        Assert.Equal("Room 3B, from 10:00.", first.GetProperty("items")[0].GetProperty("body").GetString());
        await PutAsync("12:30"); // the booking moved

        var again = await App.Services.GetRequiredService<MessageResender>()
            .SendAgainAsync(first.GetProperty("items")[0].GetProperty("id").GetGuid(), CancellationToken.None);

        var resent = await Eventually.GetAsync(() => Api.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries/{again}"),
            j => j.GetProperty("delivery").GetProperty("status").GetString() == "sent");
        Assert.Equal("Room 3B, from 12:30.", resent.GetProperty("delivery").GetProperty("body").GetString());
    }
}
