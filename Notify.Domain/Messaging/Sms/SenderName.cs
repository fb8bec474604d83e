using System.Text.RegularExpressions;

namespace Notify.Domain.Messaging.Sms;

/// <summary>An alphanumeric SMS sender: 1–11 of A–Z a–z 0–9 space - + _ &amp;, and not only digits.</summary>
public static partial class SenderName
{
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "is empty.";
        }

        if (!Pattern().IsMatch(name))
        {
            return "must be 1–11 characters of A–Z, a–z, 0–9, space, '-', '+', '_' or '&'.";
        }

        return name.All(char.IsDigit) ? "must contain at least one letter (digits only are read as a phone number)." : null;
    }

    [GeneratedRegex("^[A-Za-z0-9 \\-+_&]{1,11}$")]
    private static partial Regex Pattern();
}
