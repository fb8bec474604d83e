using System.Globalization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Conditions.Builder;

/// <summary>A built condition said in words: "Status is ready and amount is more than 1000".</summary>
public static class ConditionSentence
{
    /// <summary>The expression in words when the builder can read it; otherwise the expression itself.</summary>
    public static string Of(string expression)
    {
        var writer = new ConditionWriter(new ConditionFields([]));
        return new ConditionReader(writer).Read(expression) is { Parts.Count: > 0 } group ? Say(group, writer.Fields, top: true) : expression;
    }

    public static string Say(ConditionGroup group, ConditionFields fields, bool top = false)
    {
        var text = string.Join(group.MatchAll ? " and " : " or ", group.Parts.Select(p => p is ConditionGroup g ? Say(g, fields) : Row((ConditionRow)p, fields)));
        return top || group.Parts.Count < 2 ? text : $"({text})";
    }

    private static string Row(ConditionRow row, ConditionFields fields)
    {
        var field = fields.ById(row.Field);
        var type = field?.Type ?? FieldType.Text;
        var label = field?.Label ?? row.Field;
        var name = char.ToLowerInvariant(label[0]) + label[1..];
        var duration = $"{row.Amount} {DeadlineOffset.UnitName(row.Unit, row.Amount)}";
        var values = ConditionText.Values(row.Value);
        return row.Operator switch
        {
            ConditionOperator.IsYes when row.Field == "record.done" => "it is done",
            ConditionOperator.IsNo when row.Field == "record.done" => "it is not done",
            ConditionOperator.MoreThanAhead => $"{name} is more than {duration} away",
            ConditionOperator.MoreThanAgo => $"{name} was more than {duration} ago",
            ConditionOperator.WithinTheNext or ConditionOperator.WithinTheLast => $"{name} {ConditionOperators.Label(row.Operator, type)} {duration}",
            ConditionOperator.IsOneOf => $"{name} is {string.Join(" or ", values)}",
            ConditionOperator.IsNotOneOf => $"{name} is none of {string.Join(", ", values)}",
            _ => ConditionOperators.Operand(row.Operator) switch
            {
                OperandKind.None => $"{name} {ConditionOperators.Label(row.Operator, type)}",
                _ when type == FieldType.Date && DateOnly.TryParseExact(row.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
                    $"{name} {ConditionOperators.Label(row.Operator, type)} {day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                _ when type == FieldType.Text => $"{name} {ConditionOperators.Label(row.Operator, type)} \"{row.Value}\"",
                _ => $"{name} {ConditionOperators.Label(row.Operator, type)} {row.Value}",
            },
        };
    }
}
