
namespace Notify.Domain.Messaging.Sms;

/// <summary>How an SMS text is encoded and how many segments (billed parts) it takes.</summary>
public sealed record SmsBody(string Text, SmsEncoding Encoding, int Units, int Segments)
{
    /// <summary>Twilio refuses bodies longer than this.</summary>
    public const int MaxCharacters = 1600;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public bool IsTooLong => Text.Length > MaxCharacters;

    /// <summary>Measures a text: septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2.</summary>
    public static SmsBody Measure(string text)
    {
        var septets = 0;
        var gsm = true;
        foreach (var c in text)
        {
            if (BasicSet.Contains(c))
            {
                septets++;
            }
            else if (ExtensionSet.Contains(c))
            {
                septets += 2;
            }
            else
            {
                gsm = false;
                break;
            }
        }

        if (gsm)
        {
            return new SmsBody(text, SmsEncoding.Gsm7, septets, Count(septets, 160, 153));
        }

        var units = System.Text.Encoding.Unicode.GetByteCount(text) / 2;
        return new SmsBody(text, SmsEncoding.Ucs2, units, Count(units, 70, 67));
    }

    private static int Count(int units, int single, int perPart) =>
        units == 0 ? 1 : units <= single ? 1 : (units + perPart - 1) / perPart;
}
