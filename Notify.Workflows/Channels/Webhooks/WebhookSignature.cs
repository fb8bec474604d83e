using System.Security.Cryptography;
using System.Text;

namespace Notify.Workflows.Channels.Webhooks;

/// <summary>
/// How a receiver knows a call came from Notify and was not replayed: <c>X-Notify-Timestamp</c> (Unix seconds) and
/// <c>X-Notify-Signature: sha256=HEX</c>, the HMAC-SHA256 of <c>"{timestamp}.{body}"</c> under the endpoint's secret.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Notify-Timestamp";
    public const string SignatureHeader = "X-Notify-Signature";

    /// <summary>The same on every retry of one delivery, so a receiver can drop a call it already handled.</summary>
    public const string DeliveryHeader = "X-Notify-Delivery";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
