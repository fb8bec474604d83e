using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Costs;

public enum CostPeriod
{
    Day,
    Week,
    Month,
}

/// <summary>
/// SMS segments sent per day, week or month (each segment to each recipient is billed), and their price. Days are the
/// organisation's days: the database groups by UTC hour, and each hour is put on the local day it falls in.
/// </summary>
public sealed class SmsCostService(
    IDbContextFactory<NotifyDbContext> dbFactory, Notify.Workflows.Channels.ChannelSettingsStore channels,
    Microsoft.Extensions.Options.IOptions<Notify.Workflows.Organisation.OrganisationOptions> organisation)
{
    /// <summary>The SMS that went out from the start of <paramref name="from"/> to the end of <paramref name="to"/>, local days.</summary>
    public async Task<CostSummary> SummarizeAsync(DateOnly from, DateOnly to, CostPeriod period, CancellationToken ct)
    {
        var zone = organisation.Value.Zone;
        DateTime Utc(DateOnly day) => organisation.Value.StartOfDayUtc(day.ToDateTime(TimeOnly.MinValue));
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hours = await db.Deliveries.AsNoTracking()
            .Where(d => d.Channel == Channel.Sms && d.CreatedAt >= start && d.CreatedAt < end
                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered))
            .GroupBy(d => new { d.CreatedAt.Year, d.CreatedAt.Month, d.CreatedAt.Day, d.CreatedAt.Hour })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, Messages = g.Count(), Segments = g.Sum(d => d.Segments) })
            .ToListAsync(ct);
        var sms = channels.Sms;
        var price = sms.PricePerSegment;
        var rows = hours
            .Select(h => (Date: LocalDay(new DateTime(h.Year, h.Month, h.Day, h.Hour, 0, 0, DateTimeKind.Utc), zone), h.Messages, h.Segments))
            .GroupBy(d => PeriodStart(d.Date, period))
            .OrderBy(g => g.Key)
            .Select(g => new CostRow(Label(g.Key, period), g.Sum(x => x.Messages), g.Sum(x => x.Segments), price * g.Sum(x => x.Segments)))
            .ToList();
        return new CostSummary(rows, rows.Sum(r => r.Messages), rows.Sum(r => r.Segments), price * rows.Sum(r => r.Segments), sms.Currency);
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    internal static DateOnly PeriodStart(DateOnly date, CostPeriod period) => period switch
    {
        CostPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        CostPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    internal static string Label(DateOnly start, CostPeriod period) => period switch
    {
        CostPeriod.Week => $"Week {ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue))}, {start:yyyy-MM-dd}",
        CostPeriod.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

public sealed record CostRow(string Period, int Messages, int Segments, decimal? Price);

public sealed record CostSummary(IReadOnlyList<CostRow> Rows, int Messages, int Segments, decimal? Price, string Currency);
