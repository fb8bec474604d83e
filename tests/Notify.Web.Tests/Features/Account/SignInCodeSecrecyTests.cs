using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Web.Features.Account;
using Notify.Web.Features.Deliveries;

namespace Notify.Web.Tests.Features.Account;

public sealed partial class SignInCodeSecrecyTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task CodeSentByEmail_LogAndApiShowItBlanked_OnlyAnAdminPreviewShowsIt()
    {
        var sendLogin = App.Services.GetRequiredService<SendLoginService>();
        var queries = App.Services.GetRequiredService<DeliveryQueryService>();

        var result = Assert.Single(await sendLogin.SendAsync(["kari"], Channel.Email, "http://localhost/account/code", CancellationToken.None));
        var page = await queries.SearchAsync(new DeliveryFilter { Recipient = "kari", Text = "sign-in code" }, CancellationToken.None);
        var row = Assert.Single(page.Items);
        var api = await Api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recipient=kari&text=sign-in code");
        var forSupport = await queries.PreviewAsync(row.Id, showSecret: false, CancellationToken.None);
        var forAdmin = await queries.PreviewAsync(row.Id, showSecret: true, CancellationToken.None);

        Assert.True(result.Sent, result.Message);
        Assert.DoesNotMatch(SixDigits(), row.Body);
        Assert.Contains("······", row.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(SixDigits(), api.GetProperty("items")[0].GetProperty("body").GetString()!);
        Assert.DoesNotMatch(SixDigits(), forSupport!.Body);
        Assert.Matches(SixDigits(), forAdmin!.Body);
    }

    [Fact]
    public async Task CodeSentBySms_SignsThePersonIn_ByTheirPhoneNumber()
    {
        var sendLogin = App.Services.GetRequiredService<SendLoginService>();
        var queries = App.Services.GetRequiredService<DeliveryQueryService>();
        var phone = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/contacts/ola")).GetProperty("phones")[0].GetProperty("value").GetString()!;

        var result = Assert.Single(await sendLogin.SendAsync(["ola"], Channel.Sms, "http://localhost/account/code", CancellationToken.None));
        var row = (await queries.SearchAsync(new DeliveryFilter { Recipient = "ola", Channel = Channel.Sms, Text = "sign-in code" }, CancellationToken.None)).Items[0];
        var code = SixDigits().Match((await queries.PreviewAsync(row.Id, showSecret: true, CancellationToken.None))!.Body).Value;
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/code");
        var token = Token().Match(form).Groups[1].Value;
        // Written as a person types it: with spaces and without the country code.
        var local = phone.StartsWith("+47", StringComparison.Ordinal) ? phone[3..] : phone;
        var signIn = await client.PostAsync("/account/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "code", ["__RequestVerificationToken"] = token, ["Input.Who"] = $" {local[..3]} {local[3..]} ", ["Input.Code"] = code,
        }));

        Assert.True(result.Sent, result.Message);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.EndsWith("/account/set-password", signIn.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
