using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Definitions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Impact;

/// <summary>
/// Replays the stored events of the last days against the draft and the published version, each a dry run with the
/// real steps and nothing stored, sent or scheduled, and compares what they would have done. A deadline flow gets one
/// reminder per record touched in those days, judged on the record as its last event there left it.
/// </summary>
public sealed class ImpactPreviewer(
    IDbContextFactory<NotifyDbContext> dbFactory, DryRunner runner, TimeProvider time, Organisation.OrganisationSettingsStore organisation,
    Channels.ChannelSettingsStore channels)
{
    private const int MostAffected = 20;

    public Task<ImpactResult> PreviewAsync(string flowKey, ImpactRequest request, CancellationToken ct) => PreviewAsync(flowKey, null, request, ct);

    /// <summary>As <see cref="PreviewAsync(string, ImpactRequest, CancellationToken)"/>, with <paramref name="unsaved"/> as the draft when given.</summary>
    public async Task<ImpactResult> PreviewAsync(string flowKey, FlowDefinition? unsaved, ImpactRequest request, CancellationToken ct)
    {
        if (request.Days is < 1 or > ImpactRequest.MaxDays)
        {
            throw new ValidationException("days", $"must be a whole number of days from 1 to {ImpactRequest.MaxDays}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await db.Flows.AsNoTracking().FirstOrDefaultAsync(f => f.Key == flowKey && f.DeletedAt == null, ct)
            ?? throw new NotFoundException("Flow", flowKey);
        var draft = unsaved ?? flow.Draft();
        var published = flow.PublishedVersion > 0
            ? (await db.FlowVersions.AsNoTracking().FirstAsync(v => v.FlowKey == flowKey && v.Version == flow.PublishedVersion, ct)).Definition()
            : null;

        var to = time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-request.Days);
        var events = await EventsAsync(db, [draft, .. published is null ? Array.Empty<FlowDefinition>() : [published]], from, to, ct);
        var types = await db.RecordTypes.AsNoTracking().ToDictionaryAsync(t => t.Type, ct);
        var reads = new DbStepReads(db, organisation);
        var draftTally = await ReplayAsync(flowKey, draft, events, types, reads, ct);
        var publishedTally = published is null ? new ImpactTally() : await ReplayAsync(flowKey, published, events, types, reads, ct);

        var price = channels.Sms.PricePerSegment;
        var titles = events.GroupBy(e => (e.RecordType, e.RecordKey)).ToDictionary(g => g.Key, g => g.Last().Current.Title);
        var affected = Affected(draftTally, publishedTally, titles);
        return new ImpactResult(
            request.Days, from, to, published is null ? null : flow.PublishedVersion,
            draftTally.Totals(events.Count, price), publishedTally.Totals(events.Count, price),
            Only(draftTally, publishedTally), Only(publishedTally, draftTally), affected.Count, affected.Take(MostAffected).ToList(), channels.Sms.Currency);
    }

    /// <summary>The window's events that either version's trigger could care about (compared as the matcher does, without case), oldest first.</summary>
    private static async Task<List<RecordEvent>> EventsAsync(NotifyDbContext db, IReadOnlyList<FlowDefinition> flows, DateTime from, DateTime to, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking().Where(e => e.OccurredAt >= from && e.OccurredAt <= to);
        var triggers = flows.SelectMany(f => f.AllTriggers).ToList();
        if (triggers.All(t => t.Event != EventTypes.Deadline))
        {
            var eventTypes = triggers.Select(t => t.Event.ToLowerInvariant()).Distinct().ToList();
            query = query.Where(e => eventTypes.Contains(e.Type.ToLower()));
        }

        if (triggers.All(t => t.Event == EventTypes.StatusChanged && t.ToStatuses.Count > 0))
        {
            var statuses = triggers.SelectMany(t => t.ToStatuses).Select(s => s.ToLowerInvariant()).Distinct().ToList();
            query = query.Where(e => e.ToStatus != null && statuses.Contains(e.ToStatus.ToLower()));
        }

        if (triggers.All(t => t.RecordTypes.Count > 0))
        {
            var recordTypes = triggers.SelectMany(t => t.RecordTypes).Select(t => t.ToLowerInvariant()).Distinct().ToList();
            query = query.Where(e => recordTypes.Contains(e.RecordType));
        }

        return await query.OrderBy(e => e.OccurredAt).ToListAsync(ct);
    }

    private async Task<ImpactTally> ReplayAsync(
        string flowKey, FlowDefinition flow, IReadOnlyList<RecordEvent> events, Dictionary<string, RecordType> types, IStepReads reads, CancellationToken ct)
    {
        var tally = new ImpactTally();
        // A deadline flow makes one reminder per record, however often the record changed.
        var replayed = flow.AllTriggers.All(t => t.Event == EventTypes.Deadline)
            ? events.GroupBy(e => (e.RecordType, e.RecordKey)).Select(g => g.Last())
            : events;
        foreach (var e in replayed)
        {
            var type = types.TryGetValue(e.RecordType, out var known) ? known : RecordType.Create(e.RecordType, e.RecordType, []);
            tally.Add(e.Current, await runner.SimulateAsync(flowKey, flow, e, type, e.OccurredAt, reads, ct));
        }

        return tally;
    }

    private static List<ImpactPerson> Only(ImpactTally these, ImpactTally notThose) =>
        these.People.Where(p => !notThose.People.ContainsKey(p.Key)).Select(p => new ImpactPerson(p.Key, p.Value)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>Records whose messages differ, the biggest change first: by the change in count, then by people who differ.</summary>
    private static List<ImpactRecord> Affected(ImpactTally draft, ImpactTally published, Dictionary<(string, string), string> titles)
    {
        var empty = (Messages: 0, To: new HashSet<string>());
        return draft.Records.Keys.Union(published.Records.Keys)
            .Select(key =>
            {
                var d = draft.Records.TryGetValue(key, out var x) ? x : empty;
                var p = published.Records.TryGetValue(key, out var y) ? y : empty;
                var differ = d.To.Count(t => !p.To.Contains(t)) + p.To.Count(t => !d.To.Contains(t));
                return (Key: key, d.Messages, Published: p.Messages, Score: Math.Abs(d.Messages - p.Messages), Differ: differ);
            })
            .Where(r => r.Score > 0 || r.Differ > 0)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Differ).ThenBy(r => r.Key.Item1, StringComparer.Ordinal).ThenBy(r => r.Key.Item2, StringComparer.Ordinal)
            .Select(r => new ImpactRecord(r.Key.Item1, r.Key.Item2, titles.GetValueOrDefault(r.Key, ""), r.Messages, r.Published))
            .ToList();
    }
}
