using System.Globalization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Conditions.Builder;

/// <summary>Writes built rows as the RulesEngine expression the flow stores; a day is <c>record.Day(y, m, d)</c>, midnight in the organisation's time zone.</summary>
public sealed class ConditionWriter(ConditionFields fields)
{
    public const int MaxAmount = 1000;

    public ConditionFields Fields => fields;

    /// <summary>The expression, or "" while any row is incomplete (its problem says what is missing).</summary>
    public string Write(ConditionGroup group)
    {
        if (group.Rows.Any(r => Check(r) is not null)) return "";
        return Join(group);
    }

    /// <summary>What stops the row being written, or null when it is complete.</summary>
    public RowProblem? Check(ConditionRow row)
    {
        if (fields.ById(row.Field) is not { } field) return new("field", "Pick what to test.");
        if (!field.Operators.Contains(row.Operator))
            return new("operator", $"Pick how to compare {field.Label}.");
        var values = ConditionText.Values(row.Value);
        return ConditionOperators.Operand(row.Operator) switch
        {
            OperandKind.Value when field.Type == FieldType.Number && !ConditionText.TryNumber(row.Value, out _) =>
                new("value", row.Value.Trim().Length == 0 ? $"Enter the number to compare {field.Label} with." : $"{field.Label} is a number; compare it with a number."),
            OperandKind.Value when field.Type == FieldType.Date && !DateOnly.TryParseExact(row.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                new("value", $"{field.Label} is a date; pick a day."),
            OperandKind.Value when row.Value.Length == 0 => new("value", $"Enter the text to compare {field.Label} with."),
            OperandKind.Values when values.Count == 0 => new("value", "Enter one or more values, separated by commas."),
            OperandKind.Duration when row.Amount is < 1 or > MaxAmount => new("amount", $"Enter a whole number from 1 to {MaxAmount:N0}."),
            _ => null,
        };
    }

    /// <summary>One complete row as an expression (see <see cref="Check"/> first).</summary>
    public string Row(ConditionRow row)
    {
        var f = fields.ById(row.Field) ?? throw new ArgumentException($"Unknown field '{row.Field}'.", nameof(row));
        var a = f.Accessor;
        return row.Operator switch
        {
            ConditionOperator.IsEmpty => f.Empty!,
            ConditionOperator.IsNotEmpty => f.NotEmpty!,
            ConditionOperator.Is => Guarded(f, $"{a} == {Literal(f, row.Value)}"),
            ConditionOperator.IsNot => $"{a} != {Literal(f, row.Value)}",
            ConditionOperator.IsOneOf => $"{a} in ({List(row.Value)})",
            ConditionOperator.IsNotOneOf => $"!({a} in ({List(row.Value)}))",
            ConditionOperator.Contains => $"{a}.Contains({ConditionText.Quote(row.Value)})",
            ConditionOperator.DoesNotContain => $"!{a}.Contains({ConditionText.Quote(row.Value)})",
            ConditionOperator.StartsWith => $"{a}.StartsWith({ConditionText.Quote(row.Value)})",
            ConditionOperator.GreaterThan => Guarded(f, $"{a} > {Literal(f, row.Value)}"),
            ConditionOperator.AtLeast => Guarded(f, $"{a} >= {Literal(f, row.Value)}"),
            ConditionOperator.LessThan => Guarded(f, $"{a} < {Literal(f, row.Value)}"),
            ConditionOperator.AtMost => Guarded(f, $"{a} <= {Literal(f, row.Value)}"),
            ConditionOperator.Before => Guarded(f, $"{a} < {Day(row.Value)}"),
            ConditionOperator.OnOrAfter => Guarded(f, $"{a} >= {Day(row.Value)}"),
            ConditionOperator.InThePast => Guarded(f, $"{a} < now"),
            ConditionOperator.InTheFuture => Guarded(f, $"{a} > now"),
            ConditionOperator.WithinTheNext => Guarded(f, $"{a} >= now && {a} <= {Shift(row, 1)}"),
            ConditionOperator.WithinTheLast => Guarded(f, $"{a} <= now && {a} >= {Shift(row, -1)}"),
            ConditionOperator.MoreThanAhead => Guarded(f, $"{a} > {Shift(row, 1)}"),
            ConditionOperator.MoreThanAgo => Guarded(f, $"{a} < {Shift(row, -1)}"),
            ConditionOperator.IsYes => a,
            ConditionOperator.IsNo => "!" + a,
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Operator, null),
        };
    }

    /// <summary>A row's expression as it stands among others: in parentheses when it is made of several tests.</summary>
    public string Part(ConditionPart part) => part switch
    {
        ConditionGroup g => "(" + Join(g) + ")",
        ConditionRow r when Row(r) is var text && text.Contains(" && ", StringComparison.Ordinal) => "(" + text + ")",
        ConditionRow r => Row(r),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private string Join(ConditionGroup group) => string.Join(group.MatchAll ? " && " : " || ", group.Parts.Select(Part));

    private static string Guarded(ConditionField f, string test) => f.Guard is null ? test : $"{f.Guard} && {test}";

    private static string Literal(ConditionField f, string value) =>
        f.Type == FieldType.Number && ConditionText.TryNumber(value, out var n) ? ConditionText.Number(n) : ConditionText.Quote(value);

    private static string List(string value) => string.Join(", ", ConditionText.Values(value).Select(ConditionText.Quote));

    private static string Day(string value) => ConditionText.Day(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Shift(ConditionRow row, int sign)
    {
        var amount = (sign * row.Amount).ToString(CultureInfo.InvariantCulture);
        return row.Unit switch
        {
            TimeUnit.Minutes => $"now.AddMinutes({amount})",
            TimeUnit.Days => $"now.AddDays({amount})",
            TimeUnit.WorkingDays => $"record.AddWorkingDays(now, {amount})",
            _ => $"now.AddHours({amount})",
        };
    }
}
