using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Templates;

public class TemplatesApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Put_LiquidError_Is400WithLineAndColumn()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/templates/broken", new
        {
            name = "Broken",
            content = new { sms = "Hi {{ recipient.name }}\n{% iff x %}" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("line 2, column 1: Unknown tag 'iff'", Assert.Single((await ProblemErrorsAsync(response))["sms"]));
    }

    [Fact]
    public async Task Put_UnknownMergeField_IsSaved_AndAnsweredWithAWarningNamingThePart()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/templates/typo", new { name = "Typo", content = new { sms = "Hi {{ recipent.frist_name }}", inApp = "{{ record.key }}" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single((await JsonAsync(response)).GetProperty("warnings").EnumerateArray());
        Assert.Equal("sms", warning.GetProperty("field").GetString());
        Assert.Contains("did you mean 'recipient.first_name'?", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_RequiredFields_RoundTrip_AndAnUnknownOneIs400NamingItsEntry()
    {
        var bad = await Api.PutAsJsonAsync("/api/v1/templates/booking", new { name = "Booking", content = new { sms = "{{ record.data.booking_start }}" }, requiredFields = new[] { "record.data.booking_start", "recipient.frist_name" } });
        var good = await Api.PutAsJsonAsync("/api/v1/templates/booking", new { name = "Booking", content = new { sms = "{{ record.data.booking_start }}" }, requiredFields = new[] { "record.data.booking_start" } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("recipient.first_name", Assert.Single((await ProblemErrorsAsync(bad))["requiredFields[1]"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var json = await JsonAsync(await Api.GetAsync("/api/v1/templates/booking"));
        Assert.Equal("record.data.booking_start", Assert.Single(json.GetProperty("requiredFields").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Put_ThenGet_RoundTrips()
    {
        var created = await Api.PutAsJsonAsync("/api/v1/templates/greeting", new { name = "Greeting", content = new { inApp = "Hello {{ recipient.first_name }}" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(await Api.GetAsync("/api/v1/templates/greeting"));
        Assert.Equal("Hello {{ recipient.first_name }}", json.GetProperty("content").GetProperty("inApp").GetString());
    }

    [Fact]
    public async Task Put_TranslationWithALiquidError_Is400NamingTheLanguageAndPart_AndNothingIsStored()
    {
        var response = await Api.PutAsJsonAsync("/api/v1/templates/bilingual", new
        {
            name = "Bilingual",
            language = "en",
            content = new { sms = "Hi {{ recipient.first_name }}" },
            translations = new { sv = new { sms = "Hej {% iff x %}" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("line 1, column", Assert.Single((await ProblemErrorsAsync(response))["translations.sv.sms"]));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/templates/bilingual")).StatusCode);
    }

    [Fact]
    public async Task Put_WithTranslations_RoundTrips_AndLeavingThemOutKeepsThem()
    {
        await Api.PutAsJsonAsync("/api/v1/templates/bilingual-ok", new
        {
            name = "Bilingual", language = "en", content = new { sms = "Hi" }, translations = new { SV = new { sms = "Hej" } },
        });
        var renamed = await Api.PutAsJsonAsync("/api/v1/templates/bilingual-ok", new { name = "Renamed", language = "en", content = new { sms = "Hi" } });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var json = await JsonAsync(await Api.GetAsync("/api/v1/templates/bilingual-ok"));
        Assert.Equal("Renamed", json.GetProperty("name").GetString());
        Assert.Equal("Hej", json.GetProperty("translations").GetProperty("sv").GetProperty("sms").GetString());
    }
}
