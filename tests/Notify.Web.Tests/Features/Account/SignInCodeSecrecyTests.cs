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

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
