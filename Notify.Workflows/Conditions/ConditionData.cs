using System.Globalization;

namespace Notify.Workflows.Conditions;

/// <summary>Reads a data field by the type a condition compares it as, never throwing: a missing value reads as empty, 0 or never.</summary>
public static class ConditionData
{
    /// <summary>True when the data has the field with a value that is not empty.</summary>
    public static bool Has(IReadOnlyDictionary<string, object> data, string field) => data.TryGetValue(field, out var value) && value is not null && value.ToString() is { Length: > 0 };

    /// <summary>The field as a number (a number, or text that reads as one); 0 when missing or not a number.</summary>
    public static decimal Number(IReadOnlyDictionary<string, object> data, string field) => data.TryGetValue(field, out var value) ? value switch
    {
        decimal d => d,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        bool b => b ? 1 : 0,
        string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => 0,
    } : 0;

    /// <summary>The field as text; empty when missing.</summary>
    public static string Text(IReadOnlyDictionary<string, object> data, string field) => data.TryGetValue(field, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";

    /// <summary>The field as a point in time (UTC); <see cref="DateTime.MinValue"/> when missing or not a date.</summary>
    public static DateTime Date(IReadOnlyDictionary<string, object> data, string field) =>
        data.TryGetValue(field, out var value) && value is string s &&
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : DateTime.MinValue;

    /// <summary>The field as yes/no: true, "true", "yes" or a number other than 0.</summary>
    public static bool Flag(IReadOnlyDictionary<string, object> data, string field) => data.TryGetValue(field, out var value) && value switch
    {
        bool b => b,
        decimal d => d != 0,
        double d => d != 0,
        string s => s.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "ja",
        _ => false,
    };
}
