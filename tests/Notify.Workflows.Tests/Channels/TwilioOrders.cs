using Notify.Domain.Messaging;
using Notify.Domain.Records;

namespace Notify.Workflows.Tests.Channels;

/// <summary>The Twilio tests' common ground: settings pointing at the stand-in, and an order made ready for Ola.</summary>
internal static class TwilioOrders
{
    public static Dictionary<string, string?> Settings(string baseUrl, string? senderName = null, int? timeoutSeconds = null) => new()
    {
        ["Notify:Sms:Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Notify:Sms:Twilio:AuthToken"] = "secret-token",
        ["Notify:Sms:Twilio:From"] = "+4759440000",
        ["Notify:Sms:Twilio:BaseUrl"] = baseUrl,
        ["Notify:Sms:Twilio:TimeoutSeconds"] = timeoutSeconds?.ToString(),
        ["Notify:Sms:SenderName"] = senderName,
    };

    public static async Task MakeReadyAsync(EngineHarness engine, string key)
    {
        var order = new RecordState { Status = "new", Contacts = new Dictionary<string, string> { ["customer"] = "ola" } };
        await engine.Ingest.UpsertRecordAsync("order", key, order, CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", key, order with { Status = "ready" }, CancellationToken.None);
        await engine.RunAllAsync();
    }

    public static async Task<Delivery> SmsAsync(EngineHarness engine, string key) =>
        Assert.Single(await engine.DeliveriesAsync("order", key), d => d.Channel == Channel.Sms);
}
