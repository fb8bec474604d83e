using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Workflows.Access;

namespace Notify.Web.Tests.Features.Account;

public partial class PageAccessTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static readonly string[] AdminPages = ["/flows", "/flows/order-ready", "/templates", "/templates/order-ready", "/contacts", "/record-types", "/settings/api-keys", "/settings/users", "/settings/audit"];
    private static readonly string[] StaffPages = ["/", "/records", "/records/order/AO1000", "/runs", "/deliveries", "/sms", "/sandbox", "/costs", "/inbox"];

    private async Task EnsureUserAsync(string email, string role, string? contactKey = null)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new NotifyUser { UserName = email, Email = email, DisplayName = email, ContactKey = contactKey };
        Assert.True((await users.CreateAsync(user, "Password-12345")).Succeeded);
        await users.AddToRoleAsync(user, role);
    }

    private Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string email, string password) => SignInAsync(App, email, password);

    internal static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(NotifyAppFactory app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = Token().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        return (client, response);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_FromEveryPage()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in AdminPages.Concat(StaffPages).Append("/inbox/per"))
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Admin_OpensEveryPage()
    {
        var (client, signIn) = await SignInAsync(NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var page in AdminPages.Concat(StaffPages))
        {
            Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.OK, page);
        }
    }

    [Fact]
    public async Task Support_ReadsButCannotOpenDesignOrSettings()
    {
        await EnsureUserAsync("support@test.local", Roles.Support);
        var (client, _) = await SignInAsync("support@test.local", "Password-12345");

        foreach (var page in StaffPages)
        {
            Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.OK, page);
        }

        foreach (var page in AdminPages)
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied"), page);
        }
    }

    [Fact]
    public async Task Recipient_SeesOnlyTheirOwnInbox()
    {
        await EnsureUserAsync("per@test.local", Roles.Recipient, "per");
        var (client, signIn) = await SignInAsync("per@test.local", "Password-12345");

        Assert.Contains("inbox/per", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inbox/per")).StatusCode);
        Assert.Contains("This is someone else&#x27;s inbox.", await client.GetStringAsync("/inbox/ola"));
        foreach (var page in AdminPages.Concat(StaffPages))
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            // The overview and the inbox list are where people start: a recipient lands on their own inbox from there.
            var to = page is "/" or "/inbox" ? "/inbox/per" : "/account/denied";
            Assert.True(response.Headers.Location!.AbsolutePath.EndsWith(to, StringComparison.Ordinal), $"{page} → {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Recipient_WithoutAPersonOfTheirOwn_IsToldNoAccess_FromTheStart()
    {
        await EnsureUserAsync("nobody@test.local", Roles.Recipient);
        var (client, _) = await SignInAsync("nobody@test.local", "Password-12345");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_InTheBrowser_IsAPageThatSaysSo_AndInTheApiAProblem()
    {
        var (client, _) = await SignInAsync(NotifyAppFactory.AdminEmail, NotifyAppFactory.AdminPassword);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.Accept.ParseAdd("text/html");
        var page = await client.SendAsync(request);
        var api = await Api.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This page does not exist", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongPassword_FiveTimes_LocksTheAccount_AndThePasswordIsNeverEchoed()
    {
        await EnsureUserAsync("lock@test.local", Roles.Support);
        for (var i = 0; i < 4; i++)
        {
            var (_, wrong) = await SignInAsync("lock@test.local", "wrong-password");
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("The email or password is wrong.", html);
            Assert.DoesNotContain("wrong-password", html);
        }

        var (_, fifth) = await SignInAsync("lock@test.local", "wrong-password");
        var (_, right) = await SignInAsync("lock@test.local", "Password-12345");

        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
