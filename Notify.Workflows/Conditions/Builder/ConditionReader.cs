using System.Globalization;
using System.Text.RegularExpressions;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Conditions.Builder;

/// <summary>
/// Reads an expression back into rows, but only one the builder would write itself, character for character: each
/// row read is written again and compared. Anything else (hand-written, reordered, other spacing) gives null and stays
/// an expression, so opening a condition in the builder can never change what it means.
/// </summary>
public sealed partial class ConditionReader(ConditionWriter writer)
{
    public ConditionGroup? Read(string? expression)
    {
        var text = (expression ?? "").Trim();
        if (text.Length == 0) return new ConditionGroup();
        var group = ReadGroup(text, depth: 0);
        return group is not null && writer.Write(group) == text ? group : null;
    }

    private ConditionGroup? ReadGroup(string text, int depth)
    {
        if (depth > 3 || Split(text) is not var (parts, joins) || joins.Distinct().Count() > 1) return null;
        var group = new ConditionGroup { MatchAll = joins.Count == 0 || joins[0] == "&&" };
        foreach (var part in parts)
        {
            ConditionPart? read = ReadRow(part);
            if (read is null && Enclosed(part)) read = ReadRow(part[1..^1]) is { } inner && writer.Part(inner) == part ? inner : ReadGroup(part[1..^1], depth + 1);
            if (read is null) return null;
            group.Parts.Add(read);
        }

        return group;
    }

    private ConditionRow? ReadRow(string text)
    {
        foreach (var field in Candidates(text))
        {
            var rest = text.Replace(field.Accessor, " ", StringComparison.Ordinal);
            if (field.NotEmpty is not null) rest = rest.Replace(field.NotEmpty, " ", StringComparison.Ordinal);
            var strings = StringLiteral().Matches(rest).Select(m => ConditionText.Unquote(m.Value)).ToList();
            var numbers = NumberLiteral().Matches(StringLiteral().Replace(rest, " ")).Select(m => m.Value).ToList();
            var day = DayLiteral().Match(rest);
            var shift = ShiftLiteral().Match(rest);
            foreach (var op in field.Operators)
            {
                var row = new ConditionRow { Field = field.Id, Operator = op };
                switch (ConditionOperators.Operand(op))
                {
                    case OperandKind.Value when field.Type == FieldType.Number:
                        if (numbers.Count != 1) continue;
                        row.Value = numbers[0].TrimEnd('m');
                        break;
                    case OperandKind.Value when field.Type == FieldType.Date:
                        if (!day.Success || DayOf(day) is not { } d) continue;
                        row.Value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case OperandKind.Value:
                        if (strings.Count != 1) continue;
                        row.Value = strings[0];
                        break;
                    case OperandKind.Values:
                        row.Value = string.Join(", ", strings);
                        break;
                    case OperandKind.Duration:
                        if (!shift.Success || !int.TryParse(shift.Groups["n"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) continue;
                        row.Amount = Math.Abs(n);
                        row.Unit = shift.Groups["unit"].Value switch { "Minutes" => TimeUnit.Minutes, "Days" => TimeUnit.Days, "Hours" => TimeUnit.Hours, _ => TimeUnit.WorkingDays };
                        break;
                }

                if (writer.Check(row) is null && writer.Row(row) == text) return row;
            }
        }

        return null;
    }

    /// <summary>The fields the text reads, as the catalog knows them (a data field seen only by its presence test reads as text).</summary>
    private IEnumerable<ConditionField> Candidates(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accessors = Accessor().Matches(text).Select(m => m.Value).ToList();
        foreach (var field in accessors.Select(writer.Fields.ByAccessor).Concat(accessors.Select(writer.Fields.ByPresence)))
        {
            if (field is not null && seen.Add(field.Id)) yield return writer.Fields.Include(field);
        }
    }

    private static DateOnly? DayOf(Match m)
    {
        int G(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        try
        {
            return new DateOnly(G("y"), G("mo"), G("d"));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The parts of a text joined at its top level by &amp;&amp; or ||, outside parentheses and quotes; null when unbalanced.</summary>
    private static (List<string> Parts, List<string> Joins)? Split(string text)
    {
        List<string> parts = [];
        List<string> joins = [];
        var start = 0;
        var depth = 0;
        foreach (var (i, c, d) in Outside(text))
        {
            depth = d;
            if (d < 0) return null;
            if (d == 0 && c == ' ' && i >= start && i + 4 <= text.Length && text.Substring(i, 4) is " && " or " || ")
            {
                parts.Add(text[start..i]);
                joins.Add(text.Substring(i + 1, 2));
                start = i + 4;
            }
        }

        if (depth != 0) return null;
        parts.Add(text[start..]);
        return (parts, joins);
    }

    /// <summary>True when the text is one parenthesised whole: "(a || b)", not "(a) && (b)".</summary>
    private static bool Enclosed(string text) =>
        text.Length > 2 && text[0] == '(' && Outside(text).FirstOrDefault(p => p.C == ')' && p.Depth == 0).I == text.Length - 1;

    /// <summary>Each character outside quoted text, with the depth of parentheses after it; an unclosed quote ends with depth -1.</summary>
    private static IEnumerable<(int I, char C, int Depth)> Outside(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                do
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                while (i < text.Length && text[i] != '"');
                if (i >= text.Length) yield return (i, '"', -1);
                continue;
            }

            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            yield return (i, text[i], depth);
        }
    }

    [GeneratedRegex("""(?:record|previous|event)\.(?:Number|Date|Flag|Text|Has)\("(?:[^"\\]|\\.)*"\)|(?:record|previous|event)\.\w+|\bnow\b""")]
    private static partial Regex Accessor();

    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"
        """)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])-?\d+(?:\.\d+)?m?(?![\w(])")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex(@"record\.Day\((?<y>\d{1,4}), (?<mo>\d{1,2}), (?<d>\d{1,2})\)")]
    private static partial Regex DayLiteral();

    [GeneratedRegex(@"(?:now\.Add(?<unit>Minutes|Hours|Days)|record\.Add(?<unit>WorkingDays)\(now,)\(? ?(?<n>-?\d+)\)")]
    private static partial Regex ShiftLiteral();
}
