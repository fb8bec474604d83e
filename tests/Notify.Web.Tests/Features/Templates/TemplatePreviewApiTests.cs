using System.Net;
using System.Net.Http.Json;

namespace Notify.Web.Tests.Features.Templates;

public class TemplatePreviewApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Preview_OnAStoredOrderForOla_RendersEveryChannelAsSent_WithTheSmsMeasured_AndStoresNothing()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/PREVIEW-1", new { status = "ready", title = "Brake service", contacts = new { customer = "ola" }, data = new { pickup = "Bryggen 3" } });
        var deliveriesBefore = (await JsonAsync(await Api.GetAsync("/api/v1/deliveries?recordKey=PREVIEW-1"))).GetProperty("total").GetInt32();

        var response = await Api.PostAsJsonAsync("/api/v1/templates/order-ready/preview", new { record = new { type = "order", key = "PREVIEW-1" }, contact = "ola" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await JsonAsync(response);
        var sms = preview.GetProperty("sms");
        Assert.Equal("Hi Ola, your order PREVIEW-1 is ready for pick-up.", sms.GetProperty("text").GetString());
        Assert.Equal("GSM-7", sms.GetProperty("encoding").GetString());
        Assert.Equal(1, sms.GetProperty("segments").GetInt32());
        Assert.Equal("Your order PREVIEW-1 is ready", preview.GetProperty("emailSubject").GetString());
        Assert.Contains("Bryggen 3", preview.GetProperty("emailHtml").GetString(), StringComparison.Ordinal);
        Assert.Empty(preview.GetProperty("warnings").EnumerateArray());
        var deliveriesAfter = (await JsonAsync(await Api.GetAsync("/api/v1/deliveries?recordKey=PREVIEW-1"))).GetProperty("total").GetInt32();
        Assert.Equal(deliveriesBefore, deliveriesAfter);
    }

    [Fact]
    public async Task Preview_OfUnsavedTextWithAnEnDash_CountsTheRenderedText_AndNamesTheCharacterThatForcesUnicode()
    {
        await Api.PutAsJsonAsync("/api/v1/records/order/PREVIEW-2", new { status = "new", title = "Tyres", contacts = new { customer = "ola" } });

        var response = await Api.PostAsJsonAsync("/api/v1/templates/order-ready/preview", new
        {
            record = new { type = "order", key = "PREVIEW-2" }, contact = "ola",
            template = new { name = "Draft", language = "en", content = new { sms = "{{ record.title }} – ready {{ record.data.booking_start }}" }, requiredFields = new[] { "record.data.booking_start" } },
        });

        var preview = await JsonAsync(response);
        var sms = preview.GetProperty("sms");
        Assert.Equal("Tyres – ready", sms.GetProperty("text").GetString());
        Assert.Equal(13, sms.GetProperty("characters").GetInt32());
        Assert.Equal("Unicode (UCS-2)", sms.GetProperty("encoding").GetString());
        Assert.Equal(["– (en dash)"], sms.GetProperty("unicodeBecauseOf").EnumerateArray().Select(c => c.GetString()));
        Assert.True(sms.GetProperty("canBeMadeGsm").GetBoolean());
        var warning = Assert.Single(preview.GetProperty("warnings").EnumerateArray());
        Assert.Equal("requiredFields", warning.GetProperty("field").GetString());
        Assert.Contains("has no booking start, so this message would be skipped", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ForAMissingRecordOrContact_Is400NamingIt_AndAnUnknownTemplateIs404()
    {
        var record = await Api.PostAsJsonAsync("/api/v1/templates/order-ready/preview", new { record = new { type = "order", key = "NOPE-404" } });
        var contact = await Api.PostAsJsonAsync("/api/v1/templates/order-ready/preview", new { contact = "nobody-here" });
        var template = await Api.PostAsJsonAsync("/api/v1/templates/no-such-template/preview", new { });

        Assert.Equal(HttpStatusCode.BadRequest, record.StatusCode);
        Assert.Contains("record", (await ProblemErrorsAsync(record)).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, contact.StatusCode);
        Assert.Contains("contact", (await ProblemErrorsAsync(contact)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
    }
}
