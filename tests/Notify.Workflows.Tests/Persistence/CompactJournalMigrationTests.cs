using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Persistence;

/// <summary>
/// The journal's rows from before move into their runs' own column when the database is brought up to date, on
/// SQLite and PostgreSQL: every line, in the order written, word for word, and a run keeps writing after it.
/// </summary>
public sealed class CompactJournalMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task OldJournalRows_MoveIntoTheirRun_InOrder_WordForWord()
    {
        Directory.CreateDirectory(_folder);
        var settings = TestDatabase.Settings(_folder);
        await JournalFromBefore.CreateAsync(settings);

        await using var db = JournalFromBefore.Open(settings);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var runs = await db.Runs.AsNoTracking().Where(r => r.RecordType == "order").ToDictionaryAsync(r => r.Id);

        var lines = runs[JournalFromBefore.RunWithLines].ReadJournal();
        Assert.Equal(JournalFromBefore.Lines.Select(l => (l.Step, l.Kind, l.Message)), lines.Select(l => (l.StepId, l.Kind, l.Message)));
        Assert.Equal(JournalFromBefore.Lines.Select(l => l.At), lines.Select(l => l.At)); // to the millisecond, as UTC
        Assert.All(lines, l => Assert.Equal(DateTimeKind.Utc, l.At.Kind));
        Assert.Equal([JournalVerdict.ConditionMet, JournalVerdict.ConditionMet, JournalVerdict.Sent, JournalVerdict.Noted], lines.Select(l => l.Verdict));
        Assert.Empty(runs[JournalFromBefore.RunWithout].ReadJournal());
        Assert.Equal(RunJournal.Empty, runs[JournalFromBefore.RunWithout].JournalJson);

        var grown = RunJournal.Read(RunJournal.Append(runs[JournalFromBefore.RunWithLines].JournalJson,
            new JournalEntry(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), "run", "run", JournalVerdict.Retried, "Åse asked again.")));
        Assert.Equal(5, grown.Count);
        Assert.Equal(lines, grown.Take(4));
        Assert.Equal("Åse asked again.", grown[4].Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
