using System.Globalization;
using System.Text.Json;

namespace Notify.Domain.Common;

/// <summary>The kind of a value host systems put in free data, as admins read it: number, yes/no, date, list, group or text.</summary>
public static class JsonValueKinds
{
    public const string Number = "number";
    public const string YesNo = "yes/no";
    public const string Date = "date";
    public const string List = "list";
    public const string Group = "group";
    public const string Text = "text";

    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Number,
        JsonValueKind.True or JsonValueKind.False => YesNo,
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, out _) => Date,
        JsonValueKind.Array => List,
        JsonValueKind.Object => Group,
        _ => Text,
    };

    /// <summary>Each top-level key of the data objects with the kind of value first seen under it.</summary>
    public static SortedDictionary<string, string> Keys(IEnumerable<string> dataJson)
    {
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var json in dataJson)
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) continue;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                seen.TryAdd(property.Name, Of(property.Value));
            }
        }

        return seen;
    }
}
