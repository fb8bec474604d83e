using System.Globalization;
using System.Text;

namespace Notify.Workflows.Conditions.Builder;

/// <summary>Literals as the expression language writes them: quoted text, numbers, points in time.</summary>
public static class ConditionText
{
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() });
        }

        return text.Append('"').ToString();
    }

    /// <summary>The text inside a literal written by <see cref="Quote"/> (the surrounding quotes removed).</summary>
    public static string Unquote(string literal)
    {
        var text = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] == '\\' && i + 1 < literal.Length - 1)
            {
                i++;
                text.Append(literal[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c });
            }
            else
            {
                text.Append(literal[i]);
            }
        }

        return text.ToString();
    }

    public static string Number(decimal value) =>
        decimal.Truncate(value) == value && Math.Abs(value) < int.MaxValue
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.############################", CultureInfo.InvariantCulture) + "m";

    /// <summary>Reads a number as an admin types it: "1000", "1 000", "12.5" or "12,5".</summary>
    public static bool TryNumber(string? text, out decimal value)
    {
        var plain = (text ?? "").Replace(" ", "").Replace("\u00a0", "").Trim();
        if (plain.EndsWith('m')) plain = plain[..^1];
        if (!plain.Contains('.')) plain = plain.Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A day as the expression language reads it: midnight in the organisation's time zone (<c>record.Day(2026, 12, 24)</c>).</summary>
    public static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"record.Day({day.Year}, {day.Month}, {day.Day})");

    /// <summary>Values listed as "a, b, c", in order, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Values(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
