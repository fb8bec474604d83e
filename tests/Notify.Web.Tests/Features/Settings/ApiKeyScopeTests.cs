using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Settings;

public class ApiKeyScopeTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static readonly (string Method, string Path, string Body, string Needs)[] Calls =
    [
        ("PUT", "/api/v1/records/order/SCOPE-1", "{\"status\":\"new\"}", "ingest"),
        ("POST", "/api/v1/events", "{\"type\":\"x.y\",\"record\":{\"type\":\"order\",\"key\":\"SCOPE-1\"}}", "ingest"),
        ("PUT", "/api/v1/contacts/scope-person", "{\"name\":\"Scope\"}", "ingest"),
        ("GET", "/api/v1/deliveries", "", "read"),
        ("GET", "/api/v1/runs", "", "read"),
        ("GET", "/api/v1/flows/order-ready", "", "read"),
        ("GET", "/api/v1/templates/order-ready", "", "read"),
        ("PUT", "/api/v1/templates/scope-t", "{\"name\":\"T\",\"content\":{\"sms\":\"hi\"}}", "admin"),
        ("POST", "/api/v1/flows/order-ready/publish", "", "admin"),
        ("PUT", "/api/v1/record-types/order", "{\"name\":\"Order\",\"doneStatuses\":[\"delivered\"]}", "admin"),
        ("PUT", "/api/v1/contacts/ola/message-choices", "{\"mutedFlows\":[]}", "ingest"),
        ("GET", "/api/v1/contacts/ola/message-choices", "", "read"),
    ];

    private async Task<string> KeyAsync(params string[] scopes) =>
        (await App.Services.GetRequiredService<ApiKeyService>().CreateAsync($"test {string.Join("+", scopes)}", scopes, CancellationToken.None)).PlainText;

    private async Task<HttpStatusCode> CallAsync(string? key, (string Method, string Path, string Body, string Needs) call)
    {
        using var client = App.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Method != "GET") request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        return (await client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("read")]
    [InlineData("admin")]
    public async Task EachScope_IsAllowedExactlyWhatItCovers(string scope)
    {
        var key = await KeyAsync(scope);

        foreach (var call in Calls)
        {
            var status = await CallAsync(key, call);
            var allowed = scope == "admin" || scope == call.Needs;
            if (allowed) Assert.True((int)status < 300, $"{scope} key: {call.Method} {call.Path} gave {status}");
            else Assert.True(status == HttpStatusCode.Forbidden, $"{scope} key: {call.Method} {call.Path} gave {status}, expected 403");
        }
    }

    [Fact]
    public async Task Anonymous_IsRefusedEverywhere()
    {
        foreach (var call in Calls)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(null, call));
        }
    }

    [Fact]
    public async Task RevokedKey_IsRefused_AndKeysAreStoredOnlyHashed()
    {
        var service = App.Services.GetRequiredService<ApiKeyService>();
        var (key, plain) = await service.CreateAsync("to revoke", [ApiKeyScope.Read], CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(plain, Calls[3]));

        await service.RevokeAsync(key.Id, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(plain, Calls[3]));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id);
        var secret = string.Join('_', plain.Split('_').Skip(2)); // the secret itself may hold '_' (base64url)
        Assert.True(secret.Length >= 20, $"the secret part of {plain} is too short to mean anything");
        Assert.DoesNotContain(secret, stored.SecretHash);
        Assert.NotNull(stored.LastUsedAt);
    }
}
