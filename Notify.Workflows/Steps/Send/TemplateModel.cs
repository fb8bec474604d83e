using Notify.Domain.Common;
using Notify.Domain.Records;

namespace Notify.Workflows.Steps.Send;

/// <summary>The data a template sees: record, previous, event, recipient and now, in Liquid's snake_case.</summary>
public static class TemplateModel
{
    /// <summary>The model for one person; dates are given in <paramref name="zone"/> (UTC when none), so <c>date</c> prints local time.</summary>
    public static IReadOnlyDictionary<string, object?> Create(
        RecordEvent e, RecordSnapshot record, Recipient recipient, DateTime now, IReadOnlyDictionary<string, object?>? company = null,
        TimeZoneInfo? zone = null, string? recordLink = null) =>
        new Dictionary<string, object?>
        {
            ["record"] = new Dictionary<string, object?>(Record(record, zone)) { ["link"] = recordLink },
            ["previous"] = e.Previous is null ? null : Record(e.Previous, zone),
            ["event"] = new Dictionary<string, object?>
            {
                ["type"] = e.Type,
                ["from_status"] = e.FromStatus,
                ["to_status"] = e.ToStatus,
                ["added_assignees"] = e.AddedAssignees.ToList(),
                ["data"] = JsonData.ToDictionary(e.DataJson),
            },
            ["recipient"] = new Dictionary<string, object?>
            {
                ["key"] = recipient.Key,
                ["name"] = recipient.Name,
                ["first_name"] = recipient.Name.Split(' ', 2)[0],
                ["email"] = recipient.Contact?.PrimaryEmail ?? recipient.FixedEmail,
                ["phone"] = recipient.Contact?.PrimaryPhone ?? recipient.FixedPhone,
                ["language"] = recipient.Language,
            },
            ["company"] = company ?? new Dictionary<string, object?>(),
            ["now"] = Local(now, zone),
        };

    /// <summary>The first of <paramref name="required"/> that has no value in the model, in words ("booking start"); null when all have one.</summary>
    public static string? Missing(IReadOnlyDictionary<string, object?> model, IReadOnlyList<string> required)
    {
        foreach (var path in required)
        {
            object? value = model;
            foreach (var name in path.Split('.'))
            {
                value = value is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault(name) : null;
            }

            if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)) || (value is System.Collections.ICollection { Count: 0 }))
            {
                return path.Split('.')[^1].Replace('_', ' ');
            }
        }

        return null;
    }

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo? zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone ?? TimeZoneInfo.Utc);

    private static Dictionary<string, object?> Record(RecordSnapshot r, TimeZoneInfo? zone) => new()
    {
        ["type"] = r.Type,
        ["key"] = r.Key,
        ["status"] = r.Status,
        ["title"] = r.Title,
        ["deadline"] = r.Deadline is { } deadline ? Local(deadline, zone) : null,
        ["assignees"] = r.Assignees.ToList(),
        ["contacts"] = r.Contacts.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
        ["data"] = JsonData.ToDictionary(r.DataJson),
    };
}
