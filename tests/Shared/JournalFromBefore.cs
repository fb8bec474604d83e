using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Notify.Workflows.Persistence;

namespace Notify.Tests.Shared;

/// <summary>
/// A database as the release before the compact journal left it: the schema up to the migration before
/// <c>CompactJournal</c>, with a finished run whose journal lines are rows of the old <c>Journal</c> table (inserted out
/// of order, with Nordic letters, quotes, a backslash and a line break) and a run with no lines. On SQLite or
/// PostgreSQL, as <see cref="TestDatabase"/> says.
/// </summary>
public static class JournalFromBefore
{
    public const string LastMigrationBefore = "_DeliveryDayCounts";

    public static readonly Guid RunWithLines = Guid.Parse("3f2b6c1e-5d4a-4c3b-9a2f-1e0d9c8b7a61");

    public static readonly Guid RunWithout = Guid.Parse("3f2b6c1e-5d4a-4c3b-9a2f-1e0d9c8b7a62");

    /// <summary>The old rows in the order they were written (by id); verdict as stored then.</summary>
    public static readonly IReadOnlyList<(long Id, DateTime At, string Step, string Kind, string Verdict, string Message)> Lines =
    [
        (4_000_001, new DateTime(2026, 11, 30, 7, 59, 58, 120, DateTimeKind.Utc), "trigger", "trigger", "ConditionMet", "Status endret til «klar» for Åse Ødegård."),
        (4_000_002, new DateTime(2026, 11, 30, 7, 59, 58, 340, DateTimeKind.Utc), "still-ready", "condition", "ConditionMet", "record.Status == \"ready\" held"),
        (4_000_003, new DateTime(2026, 11, 30, 7, 59, 59, 5, DateTimeKind.Utc), "tell-customer", "send", "Sent", "2 queued, 0 skipped: Åse (SMS)\nand C:\\kø (email)"),
        (4_000_004, new DateTime(2026, 11, 30, 7, 59, 59, 5, DateTimeKind.Utc), "tell-customer", "send", "sent 2", "a word an older release wrote"),
    ];

    /// <summary>A context on the database <paramref name="settings"/> point at, whose migrations are that database's own.</summary>
    public static NotifyDbContext Open(IReadOnlyDictionary<string, string?> settings) =>
        settings.TryGetValue("Notify:Database:Provider", out var provider) && provider == "Postgres"
            ? PostgresMigrationContext.For(settings["ConnectionStrings:Notify"]!)
            : new NotifyDbContext(new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite(settings["ConnectionStrings:Notify"]!).Options);

    /// <summary>Makes the database that <paramref name="settings"/> point at and fills it as the release before did.</summary>
    public static async Task CreateAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var db = Open(settings);
        var before = db.Database.GetMigrations().Single(m => m.EndsWith(LastMigrationBefore, StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(before);
        foreach (var run in new[] { RunWithLines, RunWithout })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Runs\" (\"Id\", \"FlowKey\", \"FlowVersionId\", \"FlowVersion\", \"EventId\", \"EventType\", \"RecordType\", \"RecordKey\", \"Status\", " +
                "\"AtTrigger\", \"FollowsRecordDate\", \"Outcome\", \"Reached\", \"CreatedAt\", \"UpdatedAt\", \"EndedAt\", \"Revision\") " +
                "VALUES ({0}, 'order-ready', {1}, 1, {2}, 'record.status_changed', 'order', {3}, 'Completed', {4}, {4}, 'Sent', {5}, {6}, {6}, {6}, 4)",
                run, Guid.NewGuid(), Guid.NewGuid(), run == RunWithLines ? "OLD-JOURNAL" : "OLD-EMPTY", false, true, Lines[0].At);
        }

        foreach (var line in Lines.Reverse())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Journal\" (\"Id\", \"RunId\", \"At\", \"StepId\", \"Kind\", \"Outcome\", \"Message\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})",
                line.Id, RunWithLines, line.At, line.Step, line.Kind, line.Verdict, line.Message);
        }
    }
}
