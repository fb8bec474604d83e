using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Costs;

public enum CostPeriod
{
    Day,
    Week,
    Month,
}

/// <summary>SMS segments sent per day, week or month (each segment to each recipient is billed), and their price.</summary>
public sealed class SmsCostService(IDbContextFactory<NotifyDbContext> dbFactory, IOptions<SmsOptions> options)
{
    public async Task<CostSummary> SummarizeAsync(DateTime from, DateTime to, CostPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.Deliveries.AsNoTracking()
            .Where(d => d.Channel == Channel.Sms && d.CreatedAt >= from && d.CreatedAt < to
                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered))
            .GroupBy(d => new { d.CreatedAt.Year, d.CreatedAt.Month, d.CreatedAt.Day })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, Messages = g.Count(), Segments = g.Sum(d => d.Segments) })
            .ToListAsync(ct);
        var price = options.Value.PricePerSegment;
        var rows = days
            .Select(d => (Date: new DateOnly(d.Year, d.Month, d.Day), d.Messages, d.Segments))
            .GroupBy(d => PeriodStart(d.Date, period))
            .OrderBy(g => g.Key)
            .Select(g => new CostRow(Label(g.Key, period), g.Sum(x => x.Messages), g.Sum(x => x.Segments), price * g.Sum(x => x.Segments)))
            .ToList();
        return new CostSummary(rows, rows.Sum(r => r.Messages), rows.Sum(r => r.Segments), price * rows.Sum(r => r.Segments), options.Value.Currency);
    }

    private static DateOnly PeriodStart(DateOnly date, CostPeriod period) => period switch
    {
        CostPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        CostPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    private static string Label(DateOnly start, CostPeriod period) => period switch
    {
        CostPeriod.Week => $"Week {ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue))}, {start:yyyy-MM-dd}",
        CostPeriod.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

public sealed record CostRow(string Period, int Messages, int Segments, decimal? Price);

public sealed record CostSummary(IReadOnlyList<CostRow> Rows, int Messages, int Segments, decimal? Price, string Currency);
