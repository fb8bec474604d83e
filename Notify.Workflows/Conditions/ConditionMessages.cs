using System.Text.RegularExpressions;

namespace Notify.Workflows.Conditions;

/// <summary>Turns the expression parser's messages into words an admin can act on.</summary>
public static partial class ConditionMessages
{
    public static string Plain(string message)
    {
        if (BinaryOperator().Match(message) is { Success: true } op)
        {
            var left = TypeName(op.Groups["left"].Value);
            var right = TypeName(op.Groups["right"].Value);
            if (left == "a value of no fixed type" || right == "a value of no fixed type")
            {
                return "a data field has no fixed type, so it cannot be compared like that: use record.Number(\"field\") for numbers, " +
                    "record.Date(\"field\") for dates, record.Text(\"field\") for text or record.Flag(\"field\") for yes/no.";
            }

            return $"{left} cannot be compared with {right}: compare numbers with numbers, dates with dates and text with text (in quotes).";
        }

        if (message.StartsWith("Method 'Compare' not found on type 'System.String'", StringComparison.Ordinal))
        {
            return "text cannot be compared with greater or less than: use == or != for text, and record.Number(\"field\") to compare a number.";
        }

        if (NoMember().Match(message) is { Success: true } member)
        {
            return $"'{member.Groups["name"].Value}' is not something {TypeName(member.Groups["type"].Value)} has. A record has Status, Title, Deadline, " +
                "HasDeadline, IsDone, Assignees and Contacts; its data fields are read with record.Number(\"field\"), record.Text(\"field\"), " +
                "record.Date(\"field\") or record.Flag(\"field\").";
        }

        if (message.Contains("Expression of type 'Boolean' expected", StringComparison.Ordinal))
        {
            return "the condition must be a yes/no test, such as record.Status == \"ready\".";
        }

        return message;
    }

    private static string TypeName(string type) => type switch
    {
        "System.Object" or "Object" => "a value of no fixed type",
        "System.Int32" or "Int32" or "System.Decimal" or "Decimal" or "System.Double" or "Double" or "System.Int64" or "Int64" => "a number",
        "System.String" or "String" => "text",
        "System.DateTime" or "DateTime" => "a date",
        "System.Boolean" or "Boolean" => "yes/no",
        "ConditionRecord" => "a record",
        "ConditionEvent" => "an event",
        _ => $"'{type}'",
    };

    [GeneratedRegex(@"binary operator \w+ is not defined for the types '(?<left>[^']+)' and '(?<right>[^']+)'")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'")]
    private static partial Regex NoMember();
}
