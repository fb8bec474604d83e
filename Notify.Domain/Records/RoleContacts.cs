namespace Notify.Domain.Records;

/// <summary>
/// The contacts a role names on a record: one key, or several ("notification-recipient": lise and ola). Stored as
/// the keys joined by commas, which a key can never hold, so a record with one contact per role reads as before.
/// </summary>
public static class RoleContacts
{
    private const char Separator = ',';

    /// <summary>The contact keys in a stored role value, in order, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Keys(string? value) =>
        (value ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Contact keys as a role stores them.</summary>
    public static string Join(IEnumerable<string> keys) => string.Join(Separator, keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal));

    /// <summary>One key as it is; several as a list: how the API shows a role.</summary>
    public static object Show(string value) => Keys(value) is { Count: 1 } one ? one[0] : Keys(value);
}
