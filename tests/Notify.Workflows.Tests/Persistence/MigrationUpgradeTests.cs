using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Tests.Persistence;

/// <summary>A database made by an earlier release is brought up to date at start without losing or breaking its rows.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"notify-upgrade-{Guid.NewGuid():N}.db");

    private NotifyDbContext Open() =>
        new(new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite($"Data Source={_file}").Options);

    [Fact]
    public async Task RowsFromTheFirstRelease_ReadBack_WithNothingMutedAndNoTranslations()
    {
        await using (var db = Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var initial = Assert.Single(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(initial);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Contacts (Id, Key, Name, Emails, Phones, Language, Consent, Roles, Groups, CreatedAt, UpdatedAt) " +
                "VALUES ('0b7c6f1e-3c1d-4a55-9a77-6b1f0d2e9a10', 'old', 'Old Timer', {0}, '[]', 'nb', {1}, '[]', '[]', " +
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                """[{"value":"old@example.com","label":null,"primary":true}]""",
                """{"sms":true,"email":true,"inApp":true}""");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Templates (Id, Key, Name, Language, Content, UpdatedAt) " +
                "VALUES ('5d0c1f0e-1111-4a55-9a77-6b1f0d2e9a10', 'old-template', 'Old', 'en', {0}, '2026-01-01 00:00:00')",
                """{"sms":"Hi {{ recipient.first_name }}"}""");
        }

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Key == "old");

            Assert.Equal("Old Timer", contact.Name);
            Assert.Equal("old@example.com", contact.PrimaryEmail);
            Assert.Empty(contact.MutedFlows);
            Assert.False(contact.HasMuted("order-ready"));
            var template = await db.Templates.AsNoTracking().SingleAsync(t => t.Key == "old-template");
            Assert.Empty(template.Translations);
            Assert.Equal("Hi {{ recipient.first_name }}", template.ContentFor("sv", Notify.Domain.Messaging.Channel.Sms).Content.Sms);
        }
    }

    [Fact]
    public async Task RunsAndJournalLinesFromBeforeVerdicts_ReadBack_KnownWordsAsThemselvesOthersAsNoted_WithNoAttempts()
    {
        const string runId = "7a1c6f1e-3c1d-4a55-9a77-6b1f0d2e9a10";
        await using (var db = Open())
        {
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_TemplateTranslations", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Runs (Id, FlowKey, FlowVersionId, FlowVersion, EventId, EventType, RecordType, RecordKey, Status, AtTrigger, FollowsRecordDate, " +
                "CreatedAt, UpdatedAt, Revision) VALUES ({0}, 'order-ready', '00000000-0000-0000-0000-000000000001', 1, '00000000-0000-0000-0000-000000000002', " +
                "'record.status_changed', 'order', 'OLD1', 'Completed', 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 3)", runId);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Journal (Id, RunId, At, StepId, Kind, Outcome, Message) VALUES " +
                "(1, {0}, '2026-01-01 00:00:00', 'tell', 'send', 'sent 2', 'two queued'), (2, {0}, '2026-01-01 00:00:01', 'trigger', 'trigger', 'Cancelled', 'x')", runId);
        }

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.RecordKey == "OLD1");
            var lines = run.ReadJournal();

            Assert.Equal(0, run.Attempts);
            Assert.Null(run.Node);
            Assert.Equal([Notify.Workflows.Runtime.JournalVerdict.Noted, Notify.Workflows.Runtime.JournalVerdict.Cancelled], lines.Select(l => l.Verdict));
            Assert.Equal("two queued", lines[0].Message);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
