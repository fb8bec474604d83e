using System.Net.Http.Json;
using System.Text.Json;

namespace Notify.Web.Tests.Features.Audit;

public class AuditLogTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private async Task<List<JsonElement>> EntriesAsync(string subject, string key)
    {
        var page = await JsonAsync(await Api.GetAsync($"/api/v1/audit?subject={subject}&text={key}"));
        return page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("subjectKey").GetString() == key).ToList();
    }

    [Fact]
    public async Task TemplateChanges_AreLoggedWithTheKeyThatMadeThemAndTheChange()
    {
        await Api.PutAsJsonAsync("/api/v1/templates/audited", new { name = "Audited", content = new { sms = "One" } });
        await Api.PutAsJsonAsync("/api/v1/templates/audited", new { name = "Audited", content = new { sms = "Two" } });

        var entries = await EntriesAsync("template", "audited");

        Assert.Equal(["changed", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("API key 'bootstrap key'", e.GetProperty("actor").GetString()));
        Assert.Contains("Two", entries[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Publishing_AndDeleting_AreLogged()
    {
        await Api.PostAsync("/api/v1/flows/order-ready/publish", null);
        await Api.PutAsJsonAsync("/api/v1/contacts/gone", new { name = "Gone" });
        await Api.DeleteAsync("/api/v1/contacts/gone");

        Assert.Contains(await EntriesAsync("flow", "order-ready"), e => e.GetProperty("action").GetString() == "published"
            && e.GetProperty("detail").GetString()!.StartsWith("version 2", StringComparison.Ordinal));
        Assert.Equal(["deleted", "created"], (await EntriesAsync("contact", "gone")).Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task FailedChanges_LeaveNoAuditLine()
    {
        await Api.PutAsJsonAsync("/api/v1/templates/broken-audit", new { name = "B", content = new { sms = "{% nope %}" } });

        Assert.Empty(await EntriesAsync("template", "broken-audit"));
    }

    [Fact]
    public async Task AChange_IsShownFieldByField_AsBeforeAndAfter()
    {
        await Api.PutAsJsonAsync("/api/v1/record-types/audited-type", new { name = "Audited", doneStatuses = new[] { "done" } });
        await Api.PutAsJsonAsync("/api/v1/record-types/audited-type", new { name = "Audited jobs", doneStatuses = new[] { "done", "cancelled" } });

        var entries = await EntriesAsync("record-type", "audited-type");
        var changes = entries[0].GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString())).ToList();
        var created = entries[1].GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.TryGetProperty("before", out _), c.GetProperty("after").GetString())).ToList();

        Assert.Equal([("name", "Audited", "Audited jobs"), ("done statuses", "done", "done, cancelled")], changes);
        Assert.Equal([("name", false, "Audited"), ("done statuses", false, "done"), ("contact roles", false, "none")], created);
    }

    [Fact]
    public async Task Filters_ByWho_AndByDay_FindOnlyThoseEntries()
    {
        await Api.PutAsJsonAsync("/api/v1/contacts/dated", new { name = "Dated" });
        var today = DateTimeOffset.UtcNow;

        async Task<int> CountAsync(string query) =>
            (await JsonAsync(await Api.GetAsync($"/api/v1/audit?subject=contact&text=dated&{query}"))).GetProperty("total").GetInt32();

        Assert.Equal(1, await CountAsync("actor=bootstrap"));
        Assert.Equal(0, await CountAsync("actor=someone-else"));
        Assert.Equal(1, await CountAsync($"from={Uri.EscapeDataString(today.AddMinutes(-5).ToString("O"))}"));
        Assert.Equal(0, await CountAsync($"from={Uri.EscapeDataString(today.AddMinutes(5).ToString("O"))}"));
        Assert.Equal(0, await CountAsync($"to={Uri.EscapeDataString(today.AddMinutes(-5).ToString("O"))}"));
    }
}
