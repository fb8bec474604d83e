using System.Security.Cryptography;
using System.Text;

namespace Notify.Workflows.Channels.Sms;

/// <summary>
/// Twilio's request signature: HMAC-SHA1, keyed with the auth token, of the full URL followed by every posted
/// parameter's name and value, sorted by name; Base64 in the <c>X-Twilio-Signature</c> header. Incoming requests are
/// checked by the SDK (<see cref="IsValid"/>); <see cref="Compute"/> signs a request the way Twilio does, for tests and tools.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Whether <paramref name="signature"/> is Twilio's for this request: checked by the Twilio SDK's <see cref="Twilio.Security.RequestValidator"/>.</summary>
    public static bool IsValid(string? signature, string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken) =>
        !string.IsNullOrEmpty(signature)
        && new Twilio.Security.RequestValidator(authToken).Validate(url, parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), signature);
}
