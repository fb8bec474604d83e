using System.Text.RegularExpressions;

namespace Notify.Domain.Common;

/// <summary>Rules for the keys host systems use to name records, contacts, flows and templates.</summary>
public static partial class Keys
{
    public const int MaxLength = 100;

    public static bool IsValid(string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= MaxLength && KeyPattern().IsMatch(key);

    public static void Require(string? key, string field)
    {
        if (!IsValid(key))
        {
            throw new ValidationException(field,
                $"must be 1–{MaxLength} characters of letters, digits, '.', '-', '_', ':' or '@'.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:@\-]+$")]
    private static partial Regex KeyPattern();
}
