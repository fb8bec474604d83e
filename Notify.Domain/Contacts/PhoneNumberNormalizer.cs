using PhoneNumbers;

namespace Notify.Domain.Contacts;

/// <summary>Turns what people type as a phone number into E.164 (+4791234567), or says why it cannot.</summary>
public sealed class PhoneNumberNormalizer(string defaultRegion = "NO")
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string DefaultRegion { get; } = defaultRegion.ToUpperInvariant();

    public bool TryNormalize(string? input, out string e164, out string error)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "is empty.";
            return false;
        }

        try
        {
            var number = Util.Parse(input.Trim(), DefaultRegion);
            if (!Util.IsValidNumber(number))
            {
                error = $"'{input}' is not a valid phone number (numbers without + are read as {DefaultRegion}).";
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            error = "";
            return true;
        }
        catch (NumberParseException ex)
        {
            error = $"'{input}' is not a phone number: {ex.Message}";
            return false;
        }
    }
}
