using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Workflows.Organisation;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Statistics;

/// <summary>
/// Keeps <see cref="DeliveryDayCount"/> (and <see cref="DeliveryDayReason"/>) equal to a count of the messages: each pass finds the days whose messages were
/// added or changed status since the last pass (by their <c>UpdatedAt</c>, with a minute's slack for commits still
/// under way), counts those days again from the messages and replaces their rows in one transaction. The first pass
/// counts every day, and so does a process's first pass after the organisation's time zone changed (each count names
/// the zone of its day). Counting again is always safe, so two nodes may both do it. A day whose old messages retention
/// has deleted keeps its counts unless a message of that day changes again.
/// </summary>
public sealed class DeliveryCountRoller(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, IOptions<OrganisationOptions> organisation)
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);
    private DateTime? _since;

    /// <summary>Counts the changed days again; returns how many days were counted.</summary>
    public async Task<int> RollUpAsync(CancellationToken ct)
    {
        var passStart = time.GetUtcNow().UtcDateTime;
        var zone = organisation.Value.Zone;
        List<DateTime> touched;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (_since is null && await CountedInAsync(db, zone, ct)) // else the zone changed: every day with messages is counted again
            {
                _since = await db.DeliveryDayCounts.MaxAsync(c => (DateTime?)c.CountedAt, ct) - Slack;
            }

            touched = _since is { } since
                ? await db.Deliveries.Where(d => d.UpdatedAt >= since).Select(d => d.CreatedAt).ToListAsync(ct)
                : await AllDaysAsync(db, ct);
        }

        var days = touched.Select(t => OrganisationOptions.DayIn(zone, t)).Distinct().Order().ToList();
        foreach (var day in days)
        {
            await CountAsync(day, passStart, ct);
        }

        _since = passStart - Slack;
        return days.Count;
    }

    /// <summary>
    /// Whether the days that still have messages were counted in <paramref name="zone"/>; days older than the oldest
    /// message (retention deleted it) keep the counts they had, in whatever zone that was.
    /// </summary>
    private static async Task<bool> CountedInAsync(NotifyDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        var oldest = await db.Deliveries.MinAsync(d => (DateTime?)d.CreatedAt, ct);
        if (oldest is null)
        {
            return true;
        }

        var firstDay = OrganisationOptions.DayIn(zone, oldest.Value);
        return !await db.DeliveryDayCounts.AnyAsync(c => c.Day >= firstDay && c.Zone != zone.Id, ct);
    }

    /// <summary>One moment per day from the oldest message to now, for the first count.</summary>
    private async Task<List<DateTime>> AllDaysAsync(NotifyDbContext db, CancellationToken ct)
    {
        var oldest = await db.Deliveries.MinAsync(d => (DateTime?)d.CreatedAt, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var moments = new List<DateTime>();
        for (var at = oldest ?? now; at <= now.AddDays(1); at = at.AddHours(12))
        {
            moments.Add(at);
        }

        return oldest is null ? [] : moments;
    }

    private async Task CountAsync(DateOnly day, DateTime countedAt, CancellationToken ct)
    {
        var from = organisation.Value.StartOfDayUtc(day.ToDateTime(TimeOnly.MinValue));
        var to = organisation.Value.StartOfDayUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Deliveries.Where(d => d.CreatedAt >= from && d.CreatedAt < to)
            .GroupBy(d => new { d.Channel, d.FlowKey, d.Status })
            .Select(g => new { g.Key.Channel, g.Key.FlowKey, g.Key.Status, Messages = g.Count(), Segments = g.Sum(d => d.Segments) })
            .ToListAsync(ct);
        var reasons = await db.Deliveries.Where(d => d.CreatedAt >= from && d.CreatedAt < to && d.Reason != null
                && (d.Status == Domain.Messaging.DeliveryStatus.Failed || d.Status == Domain.Messaging.DeliveryStatus.Skipped))
            .GroupBy(d => new { d.Status, d.Reason }).Select(g => new { g.Key.Status, g.Key.Reason, Messages = g.Count() })
            .ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.DeliveryDayCounts.Where(c => c.Day == day).ExecuteDeleteAsync(ct);
        await db.DeliveryDayReasons.Where(c => c.Day == day).ExecuteDeleteAsync(ct);
        db.DeliveryDayReasons.AddRange(reasons
            .GroupBy(r => new { r.Status, Reason = r.Reason!.Length > DeliveryDayReason.MaxReason ? r.Reason[..DeliveryDayReason.MaxReason] : r.Reason })
            .Select(g => new DeliveryDayReason { Day = day, Status = g.Key.Status, Reason = g.Key.Reason, Messages = g.Sum(r => r.Messages) }));
        db.DeliveryDayCounts.AddRange(counts
            .GroupBy(c => new { c.Channel, FlowKey = c.FlowKey ?? "", c.Status })
            .Select(g => new DeliveryDayCount
            {
                Day = day, Channel = g.Key.Channel, FlowKey = g.Key.FlowKey, Status = g.Key.Status,
                Messages = g.Sum(c => c.Messages), Segments = g.Sum(c => c.Segments), CountedAt = countedAt, Zone = organisation.Value.Zone.Id,
            }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
