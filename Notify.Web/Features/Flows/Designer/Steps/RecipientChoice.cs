namespace Notify.Web.Features.Flows.Designer.Steps;

/// <summary>
/// A send step's recipients as the designer shows them: roles on the record, roles on linked records, contacts' own
/// roles and groups as tick boxes; single contacts, addresses and numbers as typed text.
/// </summary>
public static class RecipientChoice
{
    private static readonly string[] PickedPrefixes = ["link:", "role:", "group:", "contact:"];

    /// <summary>A recipient offered as a tick box: a role on the record (customer, assignees…), or link:, role: or group:.</summary>
    public static bool IsRole(string recipient) =>
        !recipient.Contains(':', StringComparison.Ordinal) || PickedPrefixes.Any(p => recipient.StartsWith(p, StringComparison.Ordinal));

    public static List<string> Roles(IEnumerable<string> recipients) => recipients.Where(IsRole).ToList();

    public static string Others(IEnumerable<string> recipients) => string.Join(", ", recipients.Where(r => !IsRole(r)));

    /// <summary>A recipient in words, as a tick box or a chip on the canvas shows it: "everyone assigned", "group workers", "ola".</summary>
    public static string Label(string recipient) => recipient switch
    {
        "assignees" => "everyone assigned",
        "newAssignees" => "those just assigned",
        _ when recipient.StartsWith("group:", StringComparison.Ordinal) => $"group {recipient[6..]}",
        _ when recipient.StartsWith("role:", StringComparison.Ordinal) => $"everyone with role {recipient[5..]}",
        _ when recipient.StartsWith("link:", StringComparison.Ordinal) && recipient[5..].Split('/') is [var link, var role] => $"{role} of the {link}",
        _ when recipient.Contains(':') => recipient[(recipient.IndexOf(':') + 1)..],
        _ => recipient,
    };

    public static List<string> Join(IEnumerable<string> roles, string others) =>
        roles.Concat(FlowDesign.SplitList(others)).Distinct(StringComparer.Ordinal).ToList();
}
