using System.Net;
using System.Text;

namespace Notify.Web.Tests.Features.Generated;

/// <summary>The families of bad input the generated suite found answering 500 or a 400 without a field, each pinned to its answer.</summary>
public class FoundByGenerationTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return Api.SendAsync(request);
    }

    [Theory]
    [InlineData("application/json; charset=nonsense", "nonsense")]
    [InlineData("application/json; charset=\"\"", "")]
    public async Task ACharsetNoOneCanRead_Is415NamingTheContentType(string contentType, string charset)
    {
        var response = await SendAsync(HttpMethod.Put, "/api/v1/records/order/GEN-1", "{\"status\":\"new\"}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal([$"the charset '{charset}' is not one this API reads; send UTF-8."], (await ProblemErrorsAsync(response))["Content-Type"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/GEN-1")).StatusCode); // nothing stored
    }

    [Fact]
    public async Task AKnownCharsetOtherThanUtf8_IsRead()
    {
        var response = await Api.PutAsync("/api/v1/records/order/GEN-2",
            new StringContent("{\"status\":\"new\",\"title\":\"Sykkel\"}", Encoding.Latin1, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/deliveries?page=abc", "page", "must be a whole number.")]
    [InlineData("/api/v1/runs?pageSize=24:61", "pageSize", "must be a whole number.")]
    public async Task AQueryValueOfTheWrongType_Is400NamingIt(string path, string field, string message)
    {
        var response = await Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await ProblemErrorsAsync(response))[field]);
    }

    [Fact]
    public async Task ABoolFlagThatIsNotTrueOrFalse_Is400NamingIt()
    {
        var response = await Api.PostAsync("/api/v1/flows/order-ready/disable?cancelWaiting=maybe", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["must be true or false."], (await ProblemErrorsAsync(response))["cancelWaiting"]);
    }

    [Fact]
    public async Task AMissingBody_Is400NamingTheBody()
    {
        var response = await Api.PostAsync("/api/v1/templates/order-ready/preview", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["is required: send a JSON body."], (await ProblemErrorsAsync(response))["body"]);
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"trigger\":{\"event\":\"record.created\"},\"steps\":null}", "steps")]
    [InlineData("{\"name\":\"X\",\"trigger\":null,\"steps\":[]}", "trigger")]
    [InlineData("{\"name\":\"X\",\"trigger\":{\"event\":\"record.created\"},\"steps\":[null]}", "steps[0]")]
    [InlineData("{\"name\":\"X\",\"trigger\":{\"event\":\"record.created\"},\"steps\":[{\"kind\":\"send\",\"id\":\"a\",\"channels\":null}]}", "steps[0].channels")]
    [InlineData("{\"name\":\"X\",\"trigger\":{\"event\":\"record.created\"},\"steps\":[{\"id\":\"a\"}]}", "steps[0]")]
    public async Task AFlowWithANullOrAStepWithoutItsKind_Is400NamingTheField(string body, string field)
    {
        var response = await SendAsync(HttpMethod.Put, "/api/v1/flows/gen-flow", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ProblemErrorsAsync(response)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/flows/gen-flow")).StatusCode);
    }

    [Fact]
    public async Task AStepWithoutItsKind_SaysWhichKindsThereAre()
    {
        var response = await SendAsync(HttpMethod.Put, "/api/v1/flows/gen-flow",
            "{\"name\":\"X\",\"trigger\":{\"event\":\"record.created\"},\"steps\":[{\"id\":\"a\"}]}", "application/json");

        Assert.Equal(["needs a \"kind\": one of send, condition, branch, delay, wait-for, webhook, stop."], (await ProblemErrorsAsync(response))["steps[0]"]);
    }

    [Fact]
    public async Task TheNulCharacter_InAQueryValueOrAJsonString_Is400NamingIt_AndNothingIsStored()
    {
        var query = await Api.GetAsync("/api/v1/runs?flow=a%00b");
        var body = await SendAsync(HttpMethod.Put, "/api/v1/records/order/GEN-NUL", "{\"status\":\"new\",\"title\":\"a\\u0000b\"}", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal(["must not contain the NUL character."], (await ProblemErrorsAsync(query))["flow"]);
        Assert.Equal(HttpStatusCode.BadRequest, body.StatusCode);
        Assert.Contains("title", (await ProblemErrorsAsync(body)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/v1/records/order/GEN-NUL")).StatusCode);
    }
}
