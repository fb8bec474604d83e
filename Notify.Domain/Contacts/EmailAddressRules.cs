using System.Net.Mail;

namespace Notify.Domain.Contacts;

/// <summary>What counts as an email address we can send to: one mailbox, with a domain that has a dot.</summary>
public static class EmailAddressRules
{
    public static bool TryNormalize(string? input, out string address, out string error)
    {
        address = "";
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length is 0 or > 254)
        {
            error = trimmed.Length == 0 ? "is empty." : "is longer than 254 characters.";
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.'))
        {
            error = $"'{input}' is not a valid email address.";
            return false;
        }

        address = parsed.Address;
        error = "";
        return true;
    }
}
