using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Web.Features.Deliveries;
using Notify.Web.Tests.Features.Account;
using Notify.Workflows.Access;

namespace Notify.Web.Tests.Features.Users;

public sealed class UsersApiTests
{
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task<List<JsonElement>> UsersAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().ToList();

    [Fact]
    public async Task Put_NewEmail_InvitesBySignInCode_ListedAsInvited_AndAudited()
    {
        using var app = new NotifyAppFactory();
        using var api = app.CreateApiClient();

        var created = await api.PutAsJsonAsync("/api/v1/users/siv@example.com", new { name = "Siv Support", role = "Support" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var users = await UsersAsync(api);
        var siv = Assert.Single(users, u => u.GetProperty("email").GetString() == "siv@example.com");
        Assert.Equal("Siv Support", siv.GetProperty("name").GetString());
        Assert.Equal("Support", siv.GetProperty("role").GetString());
        Assert.True(siv.GetProperty("active").GetBoolean());
        Assert.True(siv.GetProperty("invited").GetBoolean());
        Assert.Contains(users, u => u.GetProperty("email").GetString() == NotifyAppFactory.AdminEmail && u.GetProperty("role").GetString() == "Admin");
        var invitation = Assert.Single((await app.Services.GetRequiredService<DeliveryQueryService>()
            .SearchAsync(new DeliveryFilter { Recipient = "siv@example.com" }, CancellationToken.None)).Items);
        Assert.Equal("Your Notify sign-in code", invitation.Subject);
        Assert.Contains("invited to Notify as support staff", invitation.Body, StringComparison.Ordinal);
        Assert.Contains("······", invitation.Body, StringComparison.Ordinal); // the code itself never shows in the send log
        var audit = (await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?subject=user")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(audit, a => a.GetProperty("action").GetString() == "invited" && a.GetProperty("subjectKey").GetString() == "siv@example.com");
    }

    [Fact]
    public async Task Put_BadRoleOrEmail_IsAProblemNamingTheField_AndCreatesNobody()
    {
        using var app = new NotifyAppFactory();
        using var api = app.CreateApiClient();

        var badRole = await api.PutAsJsonAsync("/api/v1/users/bo@example.com", new { role = "Boss" });
        var noRole = await api.PutAsJsonAsync("/api/v1/users/bo@example.com", new { name = "Bo" });
        var badEmail = await api.PutAsJsonAsync("/api/v1/users/not-an-email", new { role = "Support" });

        Assert.Contains("role", (await ErrorsAsync(badRole)).Keys);
        Assert.Contains("role", (await ErrorsAsync(noRole)).Keys);
        Assert.Contains("email", (await ErrorsAsync(badEmail)).Keys);
        Assert.Single(await UsersAsync(api)); // the admin alone
    }

    [Fact]
    public async Task LastActiveAdmin_CannotBeDemotedOrDeactivated_UntilThereIsAnother()
    {
        using var app = new NotifyAppFactory();
        using var api = app.CreateApiClient();
        var me = $"/api/v1/users/{NotifyAppFactory.AdminEmail}";

        var demote = await api.PutAsJsonAsync(me, new { role = "Support" });
        var deactivate = await api.PutAsJsonAsync(me, new { active = false });
        Assert.Contains("role", (await ErrorsAsync(demote)).Keys);
        Assert.Contains("active", (await ErrorsAsync(deactivate)).Keys);

        (await api.PutAsJsonAsync("/api/v1/users/ada@example.com", new { name = "Ada", role = "Admin" })).EnsureSuccessStatusCode();
        var demoted = await api.PutAsJsonAsync(me, new { role = "Support" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal("Support", (await demoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        // Ada is now the only admin: she is protected in turn.
        Assert.Contains("active", (await ErrorsAsync(await api.PutAsJsonAsync("/api/v1/users/ada@example.com", new { active = false }))).Keys);
    }

    [Fact]
    public async Task Deactivated_CannotSignIn_AndSaysSo_Reactivated_CanAgain()
    {
        using var app = new NotifyAppFactory();
        using var api = app.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/users/admin2@example.com", new { role = "Admin" })).EnsureSuccessStatusCode();

        (await api.PutAsJsonAsync($"/api/v1/users/{NotifyAppFactory.AdminEmail}", new { active = false })).EnsureSuccessStatusCode();
        var (_, refused) = await PageAccessTests.SignInAsync(app, NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);
        (await api.PutAsJsonAsync($"/api/v1/users/{NotifyAppFactory.AdminEmail}", new { active = true })).EnsureSuccessStatusCode();
        var (_, allowed) = await PageAccessTests.SignInAsync(app, NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account is deactivated", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        var actions = (await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?subject=user")).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("subjectKey").GetString() == NotifyAppFactory.AdminEmail).Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["reactivated", "deactivated"], actions); // newest first
    }

    [Fact]
    public async Task Users_NeedTheAdminScope()
    {
        using var app = new NotifyAppFactory();
        var (_, readKey) = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("reader", [ApiKeyScope.Read], CancellationToken.None);
        using var reader = app.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", readKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/v1/users/x@example.com", new { role = "Admin" })).StatusCode);
    }
}
