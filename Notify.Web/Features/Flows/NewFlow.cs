using System.Globalization;
using System.Text;

namespace Notify.Web.Features.Flows;

/// <summary>What the new-flow dialog answers: the key, the name and the starting point.</summary>
public sealed record NewFlow(string Key, string Name, string Starter)
{
    /// <summary>"Booking confirmed (Tromsø)" → "booking-confirmed-tromso": lower case, letters and digits, words joined by '-'.</summary>
    public static string KeyFrom(string name)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Replace("ø", "o").Replace("Ø", "o").Replace("æ", "ae").Replace("Æ", "ae").Replace("ß", "ss").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var key = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return key.Length > 60 ? key[..60].TrimEnd('-') : key;
    }
}
