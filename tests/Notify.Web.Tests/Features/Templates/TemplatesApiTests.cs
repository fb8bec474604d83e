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
        Assert.StartsWith("line 2, column 1", Assert.Single((await ProblemErrorsAsync(response))["sms"]));
    }

    [Fact]
    public async Task Put_ThenGet_RoundTrips()
    {
        var created = await Api.PutAsJsonAsync("/api/v1/templates/greeting", new { name = "Greeting", content = new { inApp = "Hello {{ recipient.first_name }}" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(await Api.GetAsync("/api/v1/templates/greeting"));
        Assert.Equal("Hello {{ recipient.first_name }}", json.GetProperty("content").GetProperty("inApp").GetString());
    }
}
