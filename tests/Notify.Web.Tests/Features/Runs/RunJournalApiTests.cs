using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.Runs;

/// <summary>
/// A run's journal, kept in the run's own row, reads in the API as it did when it was a table of its own: the same
/// fields, every line in the order written; for runs from before the change as much as for new ones.
/// </summary>
public sealed class RunJournalApiTests : IDisposable
{
    private static readonly string[] Fields = ["at", "stepId", "kind", "verdict", "message"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ARunFromBeforeTheCompactJournal_ShowsEveryLine_AsItWasWritten()
    {
        Directory.CreateDirectory(_folder);
        var settings = TestDatabase.Settings(_folder);
        await JournalFromBefore.CreateAsync(settings);
        using var app = new NotifyAppFactory(seedDemo: false, settings: settings);
        using var api = app.CreateApiClient();

        var journal = await JournalAsync(api, JournalFromBefore.RunWithLines);

        Assert.Equal(JournalFromBefore.Lines.Count, journal.Count);
        Assert.All(journal, line => Assert.Equal(Fields, line.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(JournalFromBefore.Lines.Select(l => (l.Step, l.Kind, l.Message)),
            journal.Select(l => (l.GetProperty("stepId").GetString()!, l.GetProperty("kind").GetString()!, l.GetProperty("message").GetString()!)));
        Assert.Equal(JournalFromBefore.Lines.Select(l => new DateTimeOffset(l.At)), journal.Select(l => l.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(["conditionMet", "conditionMet", "sent", "noted"], journal.Select(l => l.GetProperty("verdict").GetString()));
        Assert.Empty(await JournalAsync(api, JournalFromBefore.RunWithout));
    }

    [Fact]
    public async Task ANewRun_ShowsItsStepsInOrder_WithTheSameFields()
    {
        using var app = new NotifyAppFactory();
        using var api = app.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/JOURNAL-1", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/JOURNAL-1", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();

        var runs = await Eventually.GetAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/v1/runs?flow=order-ready&record=JOURNAL-1")).GetProperty("items").EnumerateArray().ToList(),
            items => items.Count == 1 && items[0].GetProperty("status").GetString() == "completed");
        var journal = await JournalAsync(api, runs[0].GetProperty("id").GetGuid());

        Assert.All(journal, line => Assert.Equal(Fields, line.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["still-ready", "tell-customer"], journal.Select(l => l.GetProperty("stepId").GetString()));
        Assert.Equal(["conditionMet", "sent"], journal.Select(l => l.GetProperty("verdict").GetString()));
        Assert.Contains("2 queued, 0 skipped", journal[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        var times = journal.Select(l => l.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
    }

    private static async Task<List<JsonElement>> JournalAsync(HttpClient api, Guid run)
    {
        var response = await api.GetAsync($"/api/v1/runs/{run}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("journal").EnumerateArray().ToList();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
