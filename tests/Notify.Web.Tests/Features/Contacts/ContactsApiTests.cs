using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Contacts;

public class ContactsApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Put_NormalisesPhones_AndAcceptsStringsOrObjects()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/contacts/eva", new
        {
            name = "Eva Lie",
            emails = new object[] { "eva@example.com", new { value = "eva@work.no", label = "work", primary = true } },
            phones = new[] { "912 34 000" },
            consent = new { sms = false },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(await Api.GetAsync("/api/v1/contacts/eva"));
        Assert.Equal("+4791234000", json.GetProperty("phones")[0].GetProperty("value").GetString());
        Assert.True(json.GetProperty("emails")[1].GetProperty("primary").GetBoolean());
        Assert.False(json.GetProperty("consent").GetProperty("sms").GetBoolean());
    }

    [Fact]
    public async Task Put_InvalidPhone_Is400NamingTheField_AndStoresNothing()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/contacts/bad-phone", new { name = "X", phones = new[] { "+47 12" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phones[0]", (await ProblemErrorsAsync(response)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/contacts/bad-phone")).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheContact()
    {
        await Api.PutAsJsonAsync("/api/v1/contacts/temp", new { name = "Temp" });

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync("/api/v1/contacts/temp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/contacts/temp")).StatusCode);
    }

    [Fact]
    public async Task ConsentChanges_AreKeptAsALedger()
    {
        await Api.PutAsJsonAsync("/api/v1/contacts/ledger", new { name = "Ledger", consent = new { sms = true, email = true, inApp = true } });
        await Api.PutAsJsonAsync("/api/v1/contacts/ledger", new { name = "Ledger", consent = new { sms = false, email = true, inApp = true } });
        await Api.PutAsJsonAsync("/api/v1/contacts/ledger", new { name = "Ledger renamed", consent = new { sms = false, email = true, inApp = true } });

        var history = await JsonAsync(await Api.GetAsync("/api/v1/contacts/ledger/consent-history"));

        var lines = history.EnumerateArray().Select(l => (l.GetProperty("channel").GetString(), l.GetProperty("granted").GetBoolean())).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(("sms", false), lines[0]);
        Assert.Equal(3, lines.Count(l => l.Item2));
        Assert.All(history.EnumerateArray(), l => Assert.Equal("api", l.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task MessageChoices_SetThroughTheApi_AreShownAndKeptByALaterPut()
    {
        await Api.PutAsJsonAsync("/api/v1/contacts/choosy", new { name = "Choosy Person", emails = new[] { "choosy@example.com" } });

        var set = await Api.PutAsJsonAsync("/api/v1/contacts/choosy/message-choices", new { mutedFlows = new[] { "task-due-soon" } });
        await Api.PutAsJsonAsync("/api/v1/contacts/choosy", new { name = "Choosy P." });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var choices = (await JsonAsync(set)).EnumerateArray().ToDictionary(c => c.GetProperty("flowKey").GetString()!, c => c.GetProperty("muted").GetBoolean());
        Assert.True(choices["task-due-soon"]);
        Assert.False(choices["order-ready"]);
        var contact = await JsonAsync(await Api.GetAsync("/api/v1/contacts/choosy"));
        Assert.Equal("Choosy P.", contact.GetProperty("name").GetString());
        Assert.Equal("task-due-soon", Assert.Single(contact.GetProperty("mutedFlows").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task MessageChoices_UnknownFlowOrMissingList_Is400NamingTheField_UnknownPersonIs404()
    {
        await Api.PutAsJsonAsync("/api/v1/contacts/choosy2", new { name = "Choosy Two" });

        var unknownFlow = await Api.PutAsJsonAsync("/api/v1/contacts/choosy2/message-choices", new { mutedFlows = new[] { "order-ready", "no-such-flow" } });
        var missing = await Api.PutAsJsonAsync("/api/v1/contacts/choosy2/message-choices", new { });
        var nobody = await Api.PutAsJsonAsync("/api/v1/contacts/nobody-here/message-choices", new { mutedFlows = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, unknownFlow.StatusCode);
        Assert.Contains("no-such-flow", Assert.Single((await ProblemErrorsAsync(unknownFlow))["mutedFlows[1]"]));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await ProblemErrorsAsync(missing)).ContainsKey("mutedFlows"));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        var contact = await JsonAsync(await Api.GetAsync("/api/v1/contacts/choosy2"));
        Assert.Empty(contact.GetProperty("mutedFlows").EnumerateArray());
    }
}
