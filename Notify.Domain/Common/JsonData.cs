using System.Text.Json;

namespace Notify.Domain.Common;

/// <summary>Turns host systems' free JSON into plain values (string, decimal, bool, dictionaries, lists).</summary>
public static class JsonData
{
    public static Dictionary<string, object?> ToDictionary(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? (Dictionary<string, object?>)ToPlain(document.RootElement)!
            : [];
    }

    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
