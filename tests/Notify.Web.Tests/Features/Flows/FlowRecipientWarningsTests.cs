using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Flows;

/// <summary>Saving a flow whose send names someone nobody matches saves it, and says so next to that recipient.</summary>
public sealed class FlowRecipientWarningsTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task RecipientsNobodyMatches_AreWarnedAboutByPath_AndTheFlowIsSaved()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/flows/warned", new
        {
            name = "Warned",
            trigger = new { @event = "record.created", recordTypes = new[] { "order" } },
            steps = new object[]
            {
                new { kind = "send", id = "tell", channels = new[] { "email" }, template = "order-ready",
                    recipients = new[] { "customer", "role:plumber", "link:contract/signer", "role:technician", "contact:nobody" } },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = (await JsonAsync(response)).GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("field").GetString(), w.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(["steps[0].recipients[1]", "steps[0].recipients[2]", "steps[0].recipients[4]"], warnings.Select(w => w.Item1));
        Assert.Contains("no contact has the role 'plumber'", warnings[0].Item2, StringComparison.Ordinal);
        Assert.Contains("there is no contact 'nobody'", warnings[2].Item2, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync("/api/v1/flows/warned")).StatusCode);
    }
}
