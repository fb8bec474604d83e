using System.Net;
using System.Text;
using Notify.Tests.Shared;
using Notify.Web.Tests.Features;

namespace Notify.Web.Tests.Infrastructure;

public class HardeningTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await App.CreateClient().GetAsync("/deliveries");

        Assert.Equal("nosniff", string.Join("|", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join("|", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task CircuitConnections_FromAnotherOrigin_AreRefused(string origin, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Is413ProblemDetails_AndNothingIsStored()
    {
        var huge = "{\"status\":\"new\",\"title\":\"" + new string('x', (int)NotifyAppFactoryLimits.Bytes) + "\"}";

        var response = await Api.PutAsync("/api/v1/records/order/HUGE-1", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/HUGE-1")).StatusCode);
    }

    [Fact]
    public async Task TooLongTitle_Is400NamingTheField()
    {
        var response = await Api.PutAsync("/api/v1/records/order/LONG-1",
            new StringContent("{\"title\":\"" + new string('x', 600) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("title", (await ProblemErrorsAsync(response)).Keys);
    }

    private static class NotifyAppFactoryLimits
    {
        public const long Bytes = Notify.Web.Infrastructure.NotifyWebExtensions.MaxRequestBytes;
    }
}
