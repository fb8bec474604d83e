using System.Text.Json;

namespace Notify.Web.Features.Audit;

/// <summary>One line of an audit entry's change: a field, what it was before (null when new), and what it is now.</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    private const int MaxValue = 120;

    /// <summary>
    /// The entry's state compared with the state the previous entry for the same thing left: the fields that differ,
    /// each as before → after. Nested settings are named by path ("steps 2 · recipients"); lists of words are joined.
    /// A detail that is plain words, not a state, gives no lines (the words say it).
    /// </summary>
    public static IReadOnlyList<AuditChange> Between(string? previous, string detail)
    {
        var after = Flatten(detail);
        if (after is null)
        {
            return [];
        }

        var before = previous is null ? [] : Flatten(previous) ?? [];
        var fields = before.Keys.Union(after.Keys).ToList();
        return fields
            .Where(f => before.GetValueOrDefault(f) != after.GetValueOrDefault(f))
            .Select(f => new AuditChange(f, before.GetValueOrDefault(f), after.GetValueOrDefault(f)))
            .ToList();
    }

    private static Dictionary<string, string>? Flatten(string json)
    {
        if (!json.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            Walk(document.RootElement, "", fields);
            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? Words(property.Name) : $"{path} · {Words(property.Name)}", fields);
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                Add(fields, path, element.GetArrayLength() == 0 ? "none" : string.Join(", ", element.EnumerateArray().Select(Scalar)));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path} {++i}", fields);
                }

                break;
            case JsonValueKind.Null:
                break; // an unset field reads as absent, before and after alike
            default:
                Add(fields, path, Scalar(element));
                break;
        }
    }

    private static void Add(Dictionary<string, string> fields, string path, string value) =>
        fields[path] = value.Length > MaxValue ? value[..MaxValue] + "…" : value;

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => e.GetString() is { Length: > 0 } s ? s : "(empty)",
        JsonValueKind.Null => "—",
        _ => e.GetRawText(),
    };

    /// <summary>"doneStatuses" → "done statuses": a field's name as words.</summary>
    private static string Words(string name)
    {
        var words = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
