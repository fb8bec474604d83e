using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Web.Features.Contacts;
using Notify.Web.Features.Records;

namespace Notify.Web.Tests.Features.Search;

/// <summary>
/// Every search box ignores case, Nordic letters included (on PostgreSQL by the database's UTF-8 locale): people, records,
/// runs by record, the audit log and the send log. A different letter is not a different case.
/// </summary>
public sealed class SearchIgnoresCaseTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task PeopleRecordsRunsAuditAndMessages_AreFoundInAnyCase()
    {
        (await Api.PutAsJsonAsync("/api/v1/contacts/aase-case", new { name = "Åse Ødegård", phones = new[] { "+4790011223" }, consent = new { sms = true, email = true, inApp = true } })).EnsureSuccessStatusCode();
        (await Api.PutAsJsonAsync("/api/v1/records/order/CASE-AASE-1", new { status = "new", title = "Dekkskift hos ÅSE", contacts = new { customer = "aase-case" } })).EnsureSuccessStatusCode();
        (await Api.PutAsJsonAsync("/api/v1/records/order/CASE-AASE-1", new { status = "ready", title = "Dekkskift hos ÅSE", contacts = new { customer = "aase-case" } })).EnsureSuccessStatusCode();

        var contacts = App.Services.GetRequiredService<ContactService>();
        foreach (var typed in new[] { "åse ødegård", "ÅSE ØDEGÅRD", "AASE-CASE", "Åse" })
        {
            Assert.Contains((await contacts.SearchAsync(typed, 0, 50, CancellationToken.None)).Items, c => c.Key == "aase-case");
        }

        Assert.DoesNotContain((await contacts.SearchAsync("ase ødegård", 0, 50, CancellationToken.None)).Items, c => c.Key == "aase-case");

        var records = App.Services.GetRequiredService<RecordQueryService>();
        foreach (var typed in new[] { "dekkskift hos åse", "case-aase-1", "READY" })
        {
            Assert.Contains((await records.SearchAsync("order", typed, 0, 50, CancellationToken.None)).Items, r => r.Key == "CASE-AASE-1");
        }

        var runs = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/runs?record=" + Uri.EscapeDataString("case-aase"))),
            j => j.GetProperty("total").GetInt32() > 0);
        Assert.All(runs.GetProperty("items").EnumerateArray(), r => Assert.Equal("CASE-AASE-1", r.GetProperty("recordKey").GetString()));

        var audit = await JsonAsync(await Api.GetAsync("/api/v1/audit?subject=contact&text=AASE-CASE"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("subjectKey").GetString() == "aase-case");

        var messages = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/deliveries?recordKey=" + Uri.EscapeDataString("CASE-AASE-1") + "&recipient=" + Uri.EscapeDataString("ÅSE ØDEGÅRD"))),
            j => j.GetProperty("total").GetInt32() > 0);
        Assert.All(messages.GetProperty("items").EnumerateArray(), m => Assert.Equal("Åse Ødegård", m.GetProperty("recipientName").GetString()));
    }
}
