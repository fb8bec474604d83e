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
}
