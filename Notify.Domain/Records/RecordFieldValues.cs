using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notify.Domain.Records;

/// <summary>
/// The values of a record's fields as a message read them (<c>record.deadline</c>, <c>record.data.booking_start</c>),
/// written as comparable text. Kept with a message when it is sent, they tell later whether the record has changed
/// under it: a message whose fields no longer hold those values is out of date.
/// </summary>
public static class RecordFieldValues
{
    /// <summary>The record fields among <paramref name="paths"/> (merge-field paths; others are left out) and their values now.</summary>
    public static IReadOnlyDictionary<string, string?> Of(RecordSnapshot record, IEnumerable<string> paths)
    {
        JsonNode? data = null;
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in paths.Where(IsRecordField).Select(Trim).Distinct())
        {
            values[path] = path.Split('.') switch
            {
                [_, "status"] => record.Status,
                [_, "title"] => record.Title,
                [_, "deadline"] => record.Deadline?.ToString("O", CultureInfo.InvariantCulture),
                [_, "assignees"] => string.Join(",", record.Assignees),
                [_, "contacts", var role] => record.Contacts.GetValueOrDefault(role),
                [_, "contacts"] => string.Join(",", record.Contacts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")),
                [_, "data", .. var rest] => Data(data ??= Parse(record.DataJson), rest),
                _ => null,
            };
        }

        return values;
    }

    /// <summary>The fields whose value now differs from the value the message was sent with.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string?> whenSent, RecordSnapshot now)
    {
        var current = Of(now, whenSent.Keys);
        return whenSent.Where(f => !string.Equals(f.Value, current.GetValueOrDefault(f.Key), StringComparison.Ordinal)).Select(f => f.Key).ToList();
    }

    /// <summary>"record.data.booking_start" → "booking start"; "record.deadline" → "deadline".</summary>
    public static string Words(string path) => path.Split('.')[^1].Replace('_', ' ');

    /// <summary>Fields of the record's own state; its key, type and link never change under a message.</summary>
    private static bool IsRecordField(string path) =>
        path.StartsWith("record.", StringComparison.Ordinal) && path.Split('.')[1] is "status" or "title" or "deadline" or "assignees" or "contacts" or "data";

    /// <summary>A path cut to the part a change can be told on: <c>record.deadline.day</c> is the deadline.</summary>
    private static string Trim(string path)
    {
        var parts = path.Split('.');
        return parts[1] is "data" or "contacts" ? path : $"{parts[0]}.{parts[1]}";
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Data(JsonNode? node, string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject map ? map[name] : null;
        }

        return node?.ToJsonString();
    }
}
