using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features;

/// <summary>One app per test class, on its own SQLite file.</summary>
public abstract class ApiTestBase : IClassFixture<ApiTestBase.AppFixture>
{
    protected ApiTestBase(AppFixture fixture)
    {
        App = fixture.App;
        Api = App.CreateApiClient();
    }

    protected NotifyAppFactory App { get; }

    protected HttpClient Api { get; }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    protected static async Task<Dictionary<string, string[]>> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await JsonAsync(response);
        return json.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : [];
    }

    public sealed class AppFixture : IDisposable
    {
        public NotifyAppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }
}
