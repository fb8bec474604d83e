using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Web.Features.Costs;
using Notify.Workflows.Organisation;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Home;

/// <summary>One bar or point of a chart per day, week or month of the chosen period.</summary>
public sealed record Dashboard(
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<Channel, int[]> SentByChannel,
    int[] Failed,
    int[] Skipped,
    int[] SmsSegments,
    decimal? PricePerSegment,
    string Currency,
    IReadOnlyList<DashboardFlow> TopFlows,
    IReadOnlyList<DashboardReason> TopReasons,
    int WaitingRuns,
    int FaultedRuns,
    TimeSpan? DueRunLag)
{
    public int Sent => SentByChannel.Values.Sum(v => v.Sum());

    public decimal? SmsCost => PricePerSegment * SmsSegments.Sum();
}

public sealed record DashboardFlow(string FlowKey, int Messages);

public sealed record DashboardReason(string Reason, DeliveryStatus Status, int Messages);

/// <summary>
/// The overview's charts for a period of the organisation's days, read from the daily counts (DeliveryDayCount, kept up
/// to date by DeliveryCountRoller) rather than from the messages, so the answer costs the same at a million messages.
/// The reasons come from the daily reason counts beside them.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, IOptions<OrganisationOptions> organisation,
    Notify.Workflows.Channels.ChannelSettingsStore channels)
{
    private static readonly DeliveryStatus[] SentStatuses = [DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read];

    /// <summary>A short name for a bar: "7 Dec", "Week 49", "Dec 2026".</summary>
    private static string Label(DateOnly start, CostPeriod by) => by switch
    {
        CostPeriod.Week => $"Week {System.Globalization.ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue))}",
        CostPeriod.Month => start.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => start.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<Dashboard> GetAsync(int days, CostPeriod by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, organisation.Value.Zone));
        var first = today.AddDays(1 - Math.Clamp(days, 1, 3660));
        var buckets = new List<DateOnly>();
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var start = SmsCostService.PeriodStart(day, by);
            if (buckets.Count == 0 || buckets[^1] != start) buckets.Add(start);
        }

        int Bucket(DateOnly day) => buckets.IndexOf(SmsCostService.PeriodStart(day, by));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.DeliveryDayCounts.AsNoTracking().Where(c => c.Day >= first && c.Day <= today && c.Messages > 0).ToListAsync(ct);
        int[] Series(Func<Workflows.Statistics.DeliveryDayCount, bool> which, Func<Workflows.Statistics.DeliveryDayCount, int> value)
        {
            var series = new int[buckets.Count];
            foreach (var c in counts.Where(which)) series[Bucket(c.Day)] += value(c);
            return series;
        }

        var reasons = await db.DeliveryDayReasons.AsNoTracking().Where(r => r.Day >= first && r.Day <= today)
            .GroupBy(r => new { r.Reason, r.Status }).Select(g => new { g.Key.Reason, g.Key.Status, Messages = g.Sum(r => r.Messages) })
            .OrderByDescending(r => r.Messages).Take(6).ToListAsync(ct);
        var lagSince = await db.Runs.Where(r => r.Status == RunStatus.Waiting && r.ResumeAt <= now).MinAsync(r => r.ResumeAt, ct);
        return new Dashboard(
            buckets.Select(b => Label(b, by)).ToList(),
            new[] { Channel.Sms, Channel.Email, Channel.InApp }.ToDictionary(ch => ch, ch => Series(c => c.Channel == ch && SentStatuses.Contains(c.Status), c => c.Messages)),
            Series(c => c.Status == DeliveryStatus.Failed, c => c.Messages),
            Series(c => c.Status == DeliveryStatus.Skipped, c => c.Messages),
            Series(c => c.Channel == Channel.Sms && SentStatuses.Contains(c.Status), c => c.Segments),
            channels.Sms.PricePerSegment,
            channels.Sms.Currency,
            counts.Where(c => c.FlowKey.Length > 0 && SentStatuses.Contains(c.Status)).GroupBy(c => c.FlowKey)
                .Select(g => new DashboardFlow(g.Key, g.Sum(c => c.Messages))).OrderByDescending(f => f.Messages).Take(5).ToList(),
            reasons.Select(r => new DashboardReason(r.Reason!, r.Status, r.Messages)).ToList(),
            await db.Runs.CountAsync(r => r.Status == RunStatus.Waiting, ct),
            await db.Runs.CountAsync(r => r.Status == RunStatus.Faulted, ct),
            lagSince is { } due ? now - due : null);
    }
}
