namespace Notify.Web.Features.Flows.Designer.Steps;

/// <summary>A send step's recipients as the designer shows them: roles as tick boxes, everything else as typed text.</summary>
public static class RecipientChoice
{
    /// <summary>Roles on the record (customer, assignees…); anything with a prefix (group:, contact:, email:, phone:) is not one.</summary>
    public static bool IsRole(string recipient) => !recipient.Contains(':', StringComparison.Ordinal);

    public static List<string> Roles(IEnumerable<string> recipients) => recipients.Where(IsRole).ToList();

    public static string Others(IEnumerable<string> recipients) => string.Join(", ", recipients.Where(r => !IsRole(r)));

    public static List<string> Join(IEnumerable<string> roles, string others) =>
        roles.Concat(FlowDesign.SplitList(others)).Distinct(StringComparer.Ordinal).ToList();
}
