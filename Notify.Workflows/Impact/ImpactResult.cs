namespace Notify.Workflows.Impact;

/// <summary>
/// What the draft and the published version would each have done with the same stored events, side by side, who the
/// draft would reach that the published version does not (and the other way round), and the records whose messages
/// change most. <see cref="PublishedVersion"/> is null for a flow never published: its totals are then all zero.
/// </summary>
public sealed record ImpactResult(
    int Days, DateTime From, DateTime To, int? PublishedVersion, ImpactTotals Draft, ImpactTotals Published,
    IReadOnlyList<ImpactPerson> NewlyReached, IReadOnlyList<ImpactPerson> NoLongerReached,
    int RecordsAffected, IReadOnlyList<ImpactRecord> Records, string Currency);

/// <summary>One version's replay: events looked at, runs it would start, messages by channel, SMS segments and their cost, people reached.</summary>
public sealed record ImpactTotals(int Events, int Runs, ImpactMessages Messages, int SmsSegments, decimal? Cost, int People);

public sealed record ImpactMessages(int Sms, int Email, int InApp)
{
    public int Total => Sms + Email + InApp;
}

/// <summary>A person by contact key (or by address, for a fixed one) and name.</summary>
public sealed record ImpactPerson(string Key, string Name);

/// <summary>A record whose messages differ between the two versions.</summary>
public sealed record ImpactRecord(string Type, string Key, string Title, int DraftMessages, int PublishedMessages);
