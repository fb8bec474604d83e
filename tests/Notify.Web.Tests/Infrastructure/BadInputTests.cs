using System.Net;
using System.Text;
using Notify.Web.Tests.Features;

namespace Notify.Web.Tests.Infrastructure;

/// <summary>Every write endpoint, fed malformed, mistyped or unknown input: always a 4xx problem, never a 5xx, nothing stored.</summary>
public class BadInputTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static readonly (string Method, string Path)[] WriteEndpoints =
    [
        ("PUT", "/api/v1/records/order/BAD-IN"),
        ("POST", "/api/v1/events"),
        ("PUT", "/api/v1/contacts/bad-in"),
        ("PUT", "/api/v1/templates/bad-in"),
        ("PUT", "/api/v1/flows/bad-in"),
        ("PUT", "/api/v1/record-types/bad-in"),
        ("PUT", "/api/v1/contacts/ola/message-choices"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path) in WriteEndpoints)
        {
            data.Add(method, path, "{ not json");
            data.Add(method, path, "[1, 2, 3]");
            data.Add(method, path, "{\"name\": 5, \"status\": {}, \"type\": [], \"trigger\": 1, \"content\": \"x\", \"doneStatuses\": 1}");
            data.Add(method, path, "{\"unknownField\": true}");
            data.Add(method, path, "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadBody_Is4xxProblemDetails_NeverA500(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var response = await Api.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NothingIsStoredByRejectedWrites()
    {
        foreach (var (method, path) in WriteEndpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"unknownField\": true}", Encoding.UTF8, "application/json") };
            await Api.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/BAD-IN")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/contacts/bad-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/templates/bad-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/flows/bad-in")).StatusCode);
        var ola = await JsonAsync(await Api.GetAsync("/api/v1/contacts/ola"));
        Assert.Empty(ola.GetProperty("mutedFlows").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"content\":{\"sms\":\"{{ recipient.name \"}}")]
    [InlineData("{\"name\":\"X\",\"content\":{\"emailHtml\":\"{% for x in y %}\"}}")]
    public async Task BrokenTemplates_AreRefusedWithThePart(string body)
    {
        var response = await Api.PutAsync("/api/v1/templates/bad-liquid", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await ProblemErrorsAsync(response));
    }
}
