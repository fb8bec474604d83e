namespace Notify.Domain.Messaging.Sms;

/// <summary>
/// Which characters force an SMS out of GSM-7 into Unicode (UCS-2), which roughly halves what fits in a segment, and
/// the GSM-7 look-alikes for the common ones that word processors put in (dashes, curly quotes, ellipsis).
/// </summary>
public static class GsmCharacters
{
    private static readonly Dictionary<char, string> LookAlikes = new()
    {
        ['–'] = "-", ['—'] = "-", ['‒'] = "-", ['−'] = "-", ['‐'] = "-",
        ['“'] = "\"", ['”'] = "\"", ['„'] = "\"", ['«'] = "\"", ['»'] = "\"",
        ['‘'] = "'", ['’'] = "'", ['‚'] = "'", ['′'] = "'",
        ['…'] = "...", ['\u00A0'] = " ", ['\u2009'] = " ", ['\u202F'] = " ", ['•'] = "-",
    };

    private static readonly Dictionary<char, string> Names = new()
    {
        ['–'] = "en dash", ['—'] = "em dash", ['‒'] = "figure dash", ['−'] = "minus sign", ['‐'] = "hyphen",
        ['“'] = "curly quote", ['”'] = "curly quote", ['„'] = "low quote", ['«'] = "angle quote", ['»'] = "angle quote",
        ['‘'] = "curly apostrophe", ['’'] = "curly apostrophe", ['‚'] = "low apostrophe", ['′'] = "prime",
        ['…'] = "ellipsis", ['\u00A0'] = "non-breaking space", ['\u2009'] = "thin space", ['\u202F'] = "narrow space", ['•'] = "bullet",
    };

    /// <summary>The distinct characters of <paramref name="text"/> that GSM-7 cannot carry, in the order they appear.</summary>
    public static IReadOnlyList<char> NotInGsm(string text) =>
        text.Where(c => SmsBody.Measure(c.ToString()).Encoding == SmsEncoding.Ucs2).Distinct().ToList();

    /// <summary>"– (en dash)"; characters without a common name are shown as themselves with their code point.</summary>
    public static string Describe(char c) => Names.TryGetValue(c, out var name) ? $"{c} ({name})" : $"{c} (U+{(int)c:X4})";

    /// <summary>Whether <see cref="ReplaceLookAlikes"/> would change this character.</summary>
    public static bool HasLookAlike(char c) => LookAlikes.ContainsKey(c);

    /// <summary>The text with every common look-alike replaced by its GSM-7 equivalent; other characters stay.</summary>
    public static string ReplaceLookAlikes(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(LookAlikes.TryGetValue(c, out var plain) ? plain : c.ToString());
        }

        return result.ToString();
    }
}
