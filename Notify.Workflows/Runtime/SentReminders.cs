using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>The deadline reminders that already went out about a record, in words, for the line that withdraws the rest.</summary>
internal static class SentReminders
{
    public static async Task<string> DescribeAsync(NotifyDbContext db, Record record, CancellationToken ct)
    {
        var sent = await (
                from d in db.Deliveries
                join r in db.Runs on d.RunId equals r.Id
                where r.RecordType == record.Type && r.RecordKey == record.Key && r.EventType == EventTypes.Deadline && d.Status != DeliveryStatus.Skipped
                join f in db.Flows on r.FlowKey equals f.Key
                select new { f.Key, f.Name })
            .ToListAsync(ct);
        if (sent.Count == 0)
        {
            return " No reminder had gone out about it.";
        }

        var flows = sent.GroupBy(s => s.Key).Select(g => $"\"{(string.IsNullOrWhiteSpace(g.First().Name) ? g.Key : g.First().Name)}\" ({g.Count()} {(g.Count() == 1 ? "message" : "messages")})");
        return " Reminders that went out before: " + string.Join(", ", flows) + ".";
    }
}
