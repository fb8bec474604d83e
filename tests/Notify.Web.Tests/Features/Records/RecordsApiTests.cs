using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.Records;

public class RecordsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task PutOrderReady_DerivesStatusChange_StartsOrderReady_AndTheDeliveriesAreListed()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/API-1", new { status = "new", title = "Tyres", contacts = new { customer = "ola" } });

        var response = await Api.PutAsJsonAsync("/api/v1/records/order/API-1", new { status = "ready", title = "Tyres", contacts = new { customer = "ola" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["record.status_changed", "record.changed"], events.Select(x => x.GetProperty("type").GetString()));
        var e = events[0];
        Assert.Equal("ready", e.GetProperty("toStatus").GetString());
        Assert.Equal("order-ready", Assert.Single(e.GetProperty("startedFlows").EnumerateArray()).GetString());

        var deliveries = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/deliveries?recordKey=API-1&status=sent")),
            j => j.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(2, deliveries.GetProperty("total").GetInt32());
        var channels = deliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("channel").GetString()).Order().ToList();
        Assert.Equal(["email", "sms"], channels);
    }

    [Fact]
    public async Task GetRecord_ShowsEventsRunsAndDeliveries()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/API-2", new { status = "new", contacts = new { customer = "ola" } });
        await Api.PutAsJsonAsync("/api/v1/records/order/API-2", new { status = "ready", contacts = new { customer = "ola" } });

        var json = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/records/order/API-2")),
            j => j.GetProperty("deliveries").GetArrayLength() >= 2
                && j.GetProperty("runs").EnumerateArray().All(r => r.GetProperty("status").GetString() == "completed"));

        Assert.Equal("ready", json.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal(3, json.GetProperty("events").GetArrayLength()); // created, status changed, and the change itself
        Assert.Equal("completed", Assert.Single(json.GetProperty("runs").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Explain_SaysWhichFlowsRanAndWhyTheOthersDidNot()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/WHY-1", new { status = "new", contacts = new { customer = "anna" } });
        var ready = await JsonAsync(await Api.PutAsJsonAsync("/api/v1/records/order/WHY-1", new { status = "ready", contacts = new { customer = "anna" } }));
        var eventId = ready.GetProperty("events")[0].GetProperty("eventId").GetString();

        var json = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync($"/api/v1/events/{eventId}/explain")),
            j => j.GetProperty("flows").EnumerateArray().Any(f => f.TryGetProperty("runStatus", out var s) && s.GetString() == "completed"));

        var flows = json.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("flowKey").GetString()!);
        Assert.True(flows["order-ready"].GetProperty("started").GetBoolean());
        Assert.Equal(1, flows["order-ready"].GetProperty("deliveriesSent").GetInt32());
        Assert.Equal(1, flows["order-ready"].GetProperty("deliveriesSkipped").GetInt32());
        Assert.False(flows["task-due-soon"].GetProperty("started").GetBoolean());
        Assert.Contains("listens for record.deadline", flows["task-due-soon"].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GetUnknownRecord_Is404ProblemDetails()
    {
        var response = await Api.GetAsync("/api/v1/records/order/NOPE");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"status\": 5}", "status")]
    [InlineData("{\"status\": \"new\", \"colour\": \"red\"}", "colour")]
    [InlineData("{\"deadline\": \"2026-11-24T12:00:00\"}", "deadline")]
    [InlineData("{\"assignees\": [\"has space\"]}", "assignees[0]")]
    public async Task PutBadBody_Is400NamingTheField(string body, string field)
    {
        var response = await Api.PutAsync("/api/v1/records/order/BAD-1", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ProblemErrorsAsync(response);
        Assert.Contains(errors.Keys, k => k.Contains(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/BAD-1")).StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemDetails()
    {
        var response = await Api.PutAsync("/api/v1/records/order/BAD-2", new StringContent("{\"status\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutApiKey_Is401ProblemDetails()
    {
        using var anonymous = App.CreateClient();

        var response = await anonymous.PutAsJsonAsync("/api/v1/records/order/X", new { status = "new" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongApiKey_Is401()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");

        var response = await client.GetAsync("/api/v1/deliveries");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var json = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json"));

        Assert.True(json.GetProperty("paths").TryGetProperty("/api/v1/records/{type}/{key}", out _));
    }

    [Fact]
    public async Task PutWithSeveralContactsToARoleAndALink_ReadsBackAsAListAndTheLink_WithTheDataAsAnObject()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/records/order/LINK-1", new
        {
            status = "new",
            contacts = new Dictionary<string, object> { ["notification-recipient"] = new[] { "kari", "ola" }, ["customer"] = "per" },
            links = new { customer = "Customer/ACME" },
            data = new { pickup = "Kjøpmannsgata 4" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var record = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/records/order/LINK-1")).GetProperty("record");

        Assert.Equal(["kari", "ola"], record.GetProperty("contacts").GetProperty("notification-recipient").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("per", record.GetProperty("contacts").GetProperty("customer").GetString());
        Assert.Equal("customer/ACME", record.GetProperty("links").GetProperty("customer").GetString());
        Assert.Equal("Kjøpmannsgata 4", record.GetProperty("data").GetProperty("pickup").GetString());
    }

    [Theory]
    [InlineData("""{"contacts":{"customer":5}}""", "contacts.customer")]
    [InlineData("""{"contacts":{"customer":[]}}""", "contacts.customer")]
    [InlineData("""{"contacts":{"customer":["ola","no way"]}}""", "contacts.customer")]
    [InlineData("""{"contacts":{"customer":["ola,kari"]}}""", "contacts.customer")]
    [InlineData("""{"links":{"customer":"ACME"}}""", "links.customer")]
    [InlineData("""{"links":{"customer":"customer/"}}""", "links.customer")]
    public async Task PutWithAContactOrLinkThatCannotBeRead_IsA400NamingIt_AndStoresNothing(string body, string field)
    {
        var response = await Api.PutAsync("/api/v1/records/order/LINK-BAD", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/LINK-BAD")).StatusCode);
    }

    [Fact]
    public async Task RecordType_DeclaresItsContactRoles_LeftOutKeepsThem_AndABadNameIsA400()
    {
        var declared = await JsonAsync(await Api.PutAsJsonAsync("/api/v1/record-types/booking", new { name = "Booking", doneStatuses = new[] { "done" }, contactRoles = new[] { " Customer", "payer", "customer" } }));
        var kept = await JsonAsync(await Api.PutAsJsonAsync("/api/v1/record-types/booking", new { name = "Booking", doneStatuses = new[] { "done", "cancelled" } }));
        var bad = await Api.PutAsJsonAsync("/api/v1/record-types/booking", new { name = "Booking", doneStatuses = new[] { "done" }, contactRoles = new[] { "two words" } });

        Assert.Equal(["customer", "payer"], declared.GetProperty("contactRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["customer", "payer"], kept.GetProperty("contactRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("contactRoles", (await ProblemErrorsAsync(bad)).Keys);
    }
}
