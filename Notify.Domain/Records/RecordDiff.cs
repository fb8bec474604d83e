using System.Text.Json;

namespace Notify.Domain.Records;

/// <summary>Which of a record's fields differ between two of its states, named as a flow watches them.</summary>
public static class RecordDiff
{
    /// <summary>The fields a <c>record.changed</c> trigger can watch; data fields are <c>data.KEY</c>.</summary>
    public static IReadOnlyList<string> Watchable { get; } = ["status", "title", "deadline", "assignees", "contacts", "links"];

    public const string DataPrefix = "data.";

    /// <summary><c>status</c>, <c>title</c>, <c>deadline</c>, <c>assignees</c>, <c>contacts</c> and <c>data.KEY</c> for each top-level data field added, removed or changed.</summary>
    public static IReadOnlyList<string> Fields(RecordSnapshot before, RecordSnapshot after)
    {
        var fields = new List<string>();
        if (before.Status != after.Status) fields.Add("status");
        if (before.Title != after.Title) fields.Add("title");
        if (before.Deadline != after.Deadline) fields.Add("deadline");
        if (!before.Assignees.Order(StringComparer.Ordinal).SequenceEqual(after.Assignees.Order(StringComparer.Ordinal))) fields.Add("assignees");
        if (!SameMap(before.Contacts, after.Contacts)) fields.Add("contacts");
        if (!SameMap(before.Links, after.Links)) fields.Add("links");
        fields.AddRange(DataFields(before.DataJson, after.DataJson));
        return fields;
    }

    /// <summary>Whether <paramref name="watched"/> (a trigger's fields; none = any) names one of <paramref name="changed"/>.</summary>
    public static bool Watches(IReadOnlyList<string> watched, IReadOnlyList<string> changed) =>
        changed.Count > 0 && (watched.Count == 0 || watched.Any(w => changed.Contains(w, StringComparer.OrdinalIgnoreCase)));

    /// <summary>A field a trigger may watch: one of <see cref="Watchable"/>, or <c>data.KEY</c>.</summary>
    public static bool IsWatchable(string field) =>
        Watchable.Contains(field, StringComparer.OrdinalIgnoreCase)
        || (field.StartsWith(DataPrefix, StringComparison.OrdinalIgnoreCase) && field.Length > DataPrefix.Length && !field.Any(char.IsWhiteSpace));

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static IEnumerable<string> DataFields(string before, string after)
    {
        using var a = Parse(before);
        using var b = Parse(after);
        var old = Object(a);
        var now = Object(b);
        foreach (var key in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var had = old.TryGetValue(key, out var x);
            var has = now.TryGetValue(key, out var y);
            if (had != has || (had && !JsonElement.DeepEquals(x, y))) yield return DataPrefix + key;
        }
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private static Dictionary<string, JsonElement> Object(JsonDocument doc) =>
        doc.RootElement.ValueKind == JsonValueKind.Object
            ? doc.RootElement.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)
            : [];
}
