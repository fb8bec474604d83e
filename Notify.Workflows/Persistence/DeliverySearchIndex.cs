using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Persistence;

/// <summary>Which of a delivery's texts a search looks in.</summary>
public enum DeliveryText
{
    /// <summary>The body (as stored without secrets), subject, address, recipient's name and reason.</summary>
    Everything,

    /// <summary>The address and the recipient's name.</summary>
    Recipient,

    /// <summary>The address (a phone number or an email address).</summary>
    Address,
}

/// <summary>
/// Finds deliveries whose texts contain a piece of text, case ignored (as <see cref="SearchText.Contains"/> would: any part
/// of a word, any letters, "ola" finds "Ola" and "åse" finds "ÅSE"), without reading every row. On SQLite an FTS5 table
/// with the trigram tokenizer (<c>DeliverySearch</c>, folding case) holds the texts of each delivery under its rowid; it
/// is an external-content table over the view <c>DeliverySearchSource</c>, kept in step by triggers on
/// <c>Deliveries</c>, so every insert, change and delete of a delivery updates it in the same transaction. Trigrams
/// cannot find fewer than three letters, so such a short text is looked for by the scan. On PostgreSQL, trigram
/// (pg_trgm) GIN indexes serve <c>ILIKE '%…%'</c> on each text. A migration that rebuilds the Deliveries table on
/// SQLite (new rowids, triggers dropped) must run <see cref="CreateSqlite"/> again.
/// </summary>
public static class DeliverySearchIndex
{
    private const string Columns = "body, subject, address, recipient, reason, contact";

    private static string Values(string row) =>
        $"COALESCE({row}.\"RedactedBody\", {row}.\"Body\"), {row}.\"Subject\", {row}.\"Address\", {row}.\"RecipientName\", {row}.\"Reason\", {row}.\"ContactKey\"";

    // Before CreateSqlite, which reads it as the class is initialised.
    private static readonly string CreateInsertTrigger = $"CREATE TRIGGER \"{InsertTrigger}\" AFTER INSERT ON \"Deliveries\" BEGIN "
        + $"INSERT INTO \"DeliverySearch\"(rowid, {Columns}) VALUES (new.rowid, {Values("new")}); END";

    /// <summary>The search table (trigrams that fold case), its source view and its triggers, filled from the deliveries already stored.</summary>
    public static readonly string[] CreateSqlite = SqliteStatements(ignoreCase: true);

    /// <summary>
    /// The search table, its source view and its triggers, filled from the deliveries already stored; the migration that
    /// first made them (<c>DeliverySearch</c>) matched case as typed, and <c>SearchIgnoresCase</c> made them again.
    /// </summary>
    public static string[] SqliteStatements(bool ignoreCase) =>
    [
        "DROP TRIGGER IF EXISTS \"Deliveries_search_insert\"",
        "DROP TRIGGER IF EXISTS \"Deliveries_search_delete\"",
        "DROP TRIGGER IF EXISTS \"Deliveries_search_update\"",
        "DROP TABLE IF EXISTS \"DeliverySearch\"",
        "DROP VIEW IF EXISTS \"DeliverySearchSource\"",
        "CREATE VIEW \"DeliverySearchSource\" AS SELECT d.rowid AS rid, COALESCE(d.\"RedactedBody\", d.\"Body\") AS body, d.\"Subject\" AS subject, "
            + "d.\"Address\" AS address, d.\"RecipientName\" AS recipient, d.\"Reason\" AS reason, d.\"ContactKey\" AS contact FROM \"Deliveries\" AS d",
        $"CREATE VIRTUAL TABLE \"DeliverySearch\" USING fts5({Columns}, content='DeliverySearchSource', content_rowid='rid', tokenize='trigram case_sensitive {(ignoreCase ? 0 : 1)}')",
        CreateInsertTrigger,
        $"CREATE TRIGGER \"Deliveries_search_delete\" AFTER DELETE ON \"Deliveries\" BEGIN "
            + $"INSERT INTO \"DeliverySearch\"(\"DeliverySearch\", rowid, {Columns}) VALUES ('delete', old.rowid, {Values("old")}); END",
        "CREATE TRIGGER \"Deliveries_search_update\" AFTER UPDATE OF \"Body\", \"RedactedBody\", \"Subject\", \"Address\", \"RecipientName\", \"Reason\", \"ContactKey\" "
            + "ON \"Deliveries\" WHEN old.\"Body\" IS NOT new.\"Body\" OR old.\"RedactedBody\" IS NOT new.\"RedactedBody\" OR old.\"Subject\" IS NOT new.\"Subject\" "
            + "OR old.\"Address\" IS NOT new.\"Address\" OR old.\"RecipientName\" IS NOT new.\"RecipientName\" OR old.\"Reason\" IS NOT new.\"Reason\" "
            + "OR old.\"ContactKey\" IS NOT new.\"ContactKey\" BEGIN "
            + $"INSERT INTO \"DeliverySearch\"(\"DeliverySearch\", rowid, {Columns}) VALUES ('delete', old.rowid, {Values("old")}); "
            + $"INSERT INTO \"DeliverySearch\"(rowid, {Columns}) VALUES (new.rowid, {Values("new")}); END",
        Rebuild,
    ];

    /// <summary>The trigger that indexes each new delivery; a bulk load (the seeding tool) drops it and rebuilds at the end.</summary>
    public const string InsertTrigger = "Deliveries_search_insert";

    private const string Rebuild = "INSERT INTO \"DeliverySearch\"(\"DeliverySearch\") VALUES ('rebuild')";

    /// <summary>
    /// For a bulk load on SQLite: stops indexing each new delivery, so the load's inserts skip the search table (a
    /// third faster here); <see cref="ResumeIndexingAsync"/> indexes everything at once afterwards. Should the load
    /// die in between, the next start (<see cref="EnsureIndexingAsync"/>) puts the trigger back and rebuilds.
    /// </summary>
    public static Task PauseIndexingAsync(NotifyDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS \"{InsertTrigger}\"", ct);

    /// <summary>Rebuilds the search table from every delivery and indexes new ones again, in one transaction.</summary>
    public static async Task ResumeIndexingAsync(NotifyDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS \"{InsertTrigger}\"", ct);
        await db.Database.ExecuteSqlRawAsync(Rebuild, ct);
        await db.Database.ExecuteSqlRawAsync(CreateInsertTrigger, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>At start on SQLite: a bulk load that died with indexing paused is made good (trigger back, table rebuilt).</summary>
    public static async Task EnsureIndexingAsync(NotifyDbContext db, CancellationToken ct)
    {
        var present = await db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = '{InsertTrigger}'")
            .SingleAsync(ct);
        if (present == 0)
        {
            await ResumeIndexingAsync(db, ct);
        }
    }

    public static readonly string[] DropSqlite =
    [
        "DROP TRIGGER IF EXISTS \"Deliveries_search_insert\"",
        "DROP TRIGGER IF EXISTS \"Deliveries_search_delete\"",
        "DROP TRIGGER IF EXISTS \"Deliveries_search_update\"",
        "DROP TABLE IF EXISTS \"DeliverySearch\"",
        "DROP VIEW IF EXISTS \"DeliverySearchSource\"",
    ];

    /// <summary>A trigram index per text; pg_trgm is a trusted extension, so the database's owner may add it.</summary>
    public static readonly string[] CreatePostgres =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX \"IX_Deliveries_Search_Body\" ON \"Deliveries\" USING gin ((COALESCE(\"RedactedBody\", \"Body\")) gin_trgm_ops)",
        "CREATE INDEX \"IX_Deliveries_Search_Subject\" ON \"Deliveries\" USING gin (\"Subject\" gin_trgm_ops)",
        "CREATE INDEX \"IX_Deliveries_Search_Address\" ON \"Deliveries\" USING gin (\"Address\" gin_trgm_ops)",
        "CREATE INDEX \"IX_Deliveries_Search_RecipientName\" ON \"Deliveries\" USING gin (\"RecipientName\" gin_trgm_ops)",
        "CREATE INDEX \"IX_Deliveries_Search_Reason\" ON \"Deliveries\" USING gin (\"Reason\" gin_trgm_ops)",
    ];

    public static readonly string[] DropPostgres =
    [
        "DROP INDEX IF EXISTS \"IX_Deliveries_Search_Body\"",
        "DROP INDEX IF EXISTS \"IX_Deliveries_Search_Subject\"",
        "DROP INDEX IF EXISTS \"IX_Deliveries_Search_Address\"",
        "DROP INDEX IF EXISTS \"IX_Deliveries_Search_RecipientName\"",
        "DROP INDEX IF EXISTS \"IX_Deliveries_Search_Reason\"",
    ];

    /// <summary>Trigrams find three letters or more; a shorter text is looked for by the scan.</summary>
    public static bool Indexable(string text) => text.EnumerateRunes().Count() >= 3;

    /// <summary>Whether <see cref="SqliteCandidates"/> holds exactly a search's matches, with no need to check each by <see cref="ScanContaining"/>.</summary>
    public static bool Answers(string text, bool orContactKey) => Indexable(text) && !orContactKey;

    /// <summary>
    /// SQLite: the deliveries that may match every one of <paramref name="searches"/> that the index can answer, read from
    /// the search table (one FTS5 query) joined to the deliveries by rowid, so a count with a limit stops early. A
    /// trigram phrase is the text itself, so for a search the index <see cref="Answers"/> these are exactly its matches;
    /// narrow them with <see cref="ScanContaining"/> for the others (the short ones, and a recipient's exact contact key,
    /// which the index can only narrow). Null when no search can use the index.
    /// </summary>
    public static IQueryable<Delivery>? SqliteCandidates(NotifyDbContext db, IEnumerable<(string Text, DeliveryText Fields, bool OrContactKey)> searches)
    {
        var terms = searches.Where(s => Indexable(s.Text)).Select(s => "(" + MatchQuery(s.Text, s.Fields, s.OrContactKey) + ")").ToList();
        return terms.Count == 0 ? null : db.Deliveries.FromSqlRaw(
            "SELECT d.* FROM \"DeliverySearch\" AS s JOIN \"Deliveries\" AS d ON d.rowid = s.rowid WHERE \"DeliverySearch\" MATCH {0}",
            string.Join(" AND ", terms));
    }

    /// <summary>
    /// SQLite: the rowids of at most <paramref name="limit"/> deliveries that contain <paramref name="text"/> (at least three
    /// letters) in the chosen texts, or whose contact key is <paramref name="contactKey"/>: exactly the matches, in no order.
    /// </summary>
    public static Task<List<long>> SqliteMatchesAsync(NotifyDbContext db, string text, DeliveryText fields, string? contactKey, int limit, CancellationToken ct)
    {
        const string ByText = "SELECT rowid AS \"Value\" FROM \"DeliverySearch\" WHERE \"DeliverySearch\" MATCH {0} LIMIT {1}";
        const string ByTextOrContact = "SELECT rowid AS \"Value\" FROM \"DeliverySearch\" WHERE \"DeliverySearch\" MATCH {0} "
            + "UNION SELECT rowid FROM \"Deliveries\" WHERE \"ContactKey\" = {1} LIMIT {2}";
        var match = MatchQuery(text, fields, orContactKey: false);
        return (contactKey is null ? db.Database.SqlQueryRaw<long>(ByText, match, limit) : db.Database.SqlQueryRaw<long>(ByTextOrContact, match, contactKey, limit))
            .ToListAsync(ct);
    }

    /// <summary>SQLite: the deliveries with these rowids (from <see cref="SqliteMatchesAsync"/>), for composing into a query.</summary>
    public static IQueryable<Delivery> SqliteWithRowids(NotifyDbContext db, IReadOnlyCollection<long> rowids) =>
        db.Deliveries.FromSqlRaw("SELECT d.* FROM \"Deliveries\" AS d WHERE d.rowid IN (SELECT value FROM json_each({0}))",
            System.Text.Json.JsonSerializer.Serialize(rowids));

    /// <summary>
    /// The deliveries of <paramref name="query"/> whose chosen texts contain <paramref name="text"/>, or whose contact key is
    /// <paramref name="contactKey"/>: for composing into any query (the send log itself starts from <see cref="SqliteCandidates"/>).
    /// </summary>
    public static IQueryable<Delivery> Containing(this IQueryable<Delivery> query, NotifyDbContext db, string text, DeliveryText fields, string? contactKey = null)
    {
        if (db.Database.IsNpgsql())
        {
            return query.Where(Like(fields, LikePattern(text), contactKey));
        }

        if (SqliteCandidates(db, [(text, fields, contactKey is not null)]) is { } candidates)
        {
            var ids = candidates.Select(d => d.Id);
            query = query.Where(d => ids.Contains(d.Id));
        }

        return Answers(text, contactKey is not null) ? query : query.ScanContaining(text, fields, contactKey);
    }

    /// <summary>The same question answered by reading every row: the fallback for short texts, and the yardstick the index is tested and measured against.</summary>
    public static IQueryable<Delivery> ScanContaining(this IQueryable<Delivery> query, string text, DeliveryText fields, string? contactKey = null)
    {
        var t = SearchText.Fold(text);
        return fields switch
        {
            DeliveryText.Everything => query.Where(d => SearchText.Fold(d.RedactedBody ?? d.Body).Contains(t) || SearchText.Fold(d.Subject).Contains(t)
                || SearchText.Fold(d.Address).Contains(t) || SearchText.Fold(d.RecipientName).Contains(t) || SearchText.Fold(d.Reason).Contains(t)
                || (contactKey != null && d.ContactKey == contactKey)),
            DeliveryText.Recipient => query.Where(d => SearchText.Fold(d.Address).Contains(t) || SearchText.Fold(d.RecipientName).Contains(t)
                || (contactKey != null && d.ContactKey == contactKey)),
            _ => query.Where(d => SearchText.Fold(d.Address).Contains(t) || (contactKey != null && d.ContactKey == contactKey)),
        };
    }

    /// <summary>
    /// An FTS5 phrase (each trigram in order, so the text itself) limited to the chosen columns. With
    /// <paramref name="orContactKey"/> the contact key's column is searched too, which can only narrow a key found by
    /// equality: the caller checks it exactly.
    /// </summary>
    private static string MatchQuery(string text, DeliveryText fields, bool orContactKey)
    {
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var columns = fields switch
        {
            DeliveryText.Everything => "body subject address recipient reason",
            DeliveryText.Recipient => "address recipient",
            _ => "address",
        };
        return "{" + (orContactKey ? columns + " contact" : columns) + "} : " + phrase;
    }

    private static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static Expression<Func<Delivery, bool>> Like(DeliveryText fields, string p, string? contactKey) => fields switch
    {
        DeliveryText.Everything => d => EF.Functions.ILike(d.RedactedBody ?? d.Body, p, "\\") || EF.Functions.ILike(d.Subject!, p, "\\")
            || EF.Functions.ILike(d.Address, p, "\\") || EF.Functions.ILike(d.RecipientName, p, "\\") || EF.Functions.ILike(d.Reason!, p, "\\")
            || (contactKey != null && d.ContactKey == contactKey),
        DeliveryText.Recipient => d => EF.Functions.ILike(d.Address, p, "\\") || EF.Functions.ILike(d.RecipientName, p, "\\")
            || (contactKey != null && d.ContactKey == contactKey),
        _ => d => EF.Functions.ILike(d.Address, p, "\\") || (contactKey != null && d.ContactKey == contactKey),
    };
}
