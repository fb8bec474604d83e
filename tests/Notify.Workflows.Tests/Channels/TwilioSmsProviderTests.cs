using System.Text;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;

namespace Notify.Workflows.Tests.Channels;

public sealed class TwilioSmsProviderTests : IDisposable
{
    private readonly TwilioStandIn _twilio = new();

    private Dictionary<string, string?> Settings(string? senderName = null) => TwilioOrders.Settings(_twilio.BaseUrl, senderName);

    private static Task MakeOrderReadyAsync(EngineHarness engine, string key) => TwilioOrders.MakeReadyAsync(engine, key);

    private static Task<Delivery> SmsAsync(EngineHarness engine, string key) => TwilioOrders.SmsAsync(engine, key);

    [Fact]
    public async Task Send_PostsTheExactFormWithBasicAuth()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());

        await MakeOrderReadyAsync(engine, "TW-1");

        var request = Assert.Single(_twilio.Requests, r => r.Form.GetValueOrDefault("Body", "").Contains("TW-1"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123456789abcdef0123456789abcdef:secret-token")), request.Authorization);
        Assert.Equal(new Dictionary<string, string>
        {
            ["To"] = "+4791234567",
            ["Body"] = "Hi Ola, your order TW-1 is ready for pick-up.",
            ["From"] = "+4759440000",
        }, request.Form);
        var sms = await SmsAsync(engine, "TW-1");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.StartsWith("SM", sms.ProviderMessageId);
        Assert.Equal("twilio", sms.Provider);
    }

    [Fact]
    public async Task Send_WithSenderName_UsesItAsFrom()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings("Verksted"));

        await MakeOrderReadyAsync(engine, "TW-2");

        Assert.Equal("Verksted", Assert.Single(_twilio.Requests, r => r.Form["Body"].Contains("TW-2")).Form["From"]);
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterBackoff_AndSendsExactlyOneMessage()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.Then(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}");

        await MakeOrderReadyAsync(engine, "TW-3");
        var first = await SmsAsync(engine, "TW-3");
        Assert.Equal(DeliveryStatus.Queued, first.Status);
        Assert.Contains("429", first.Reason);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));

        var sms = await SmsAsync(engine, "TW-3");
        Assert.True(sms.Status == DeliveryStatus.Sent,
            $"The retry left the SMS {sms.Status}: {sms.Reason} (attempts {sms.Attempts}, next at {sms.NextAttemptAt:O}, now {engine.Clock.GetUtcNow():O}).");
        Assert.Equal(2, sms.Attempts);
        Assert.Equal(2, _twilio.Requests.Count(r => r.Form["Body"].Contains("TW-3")));
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfter_WaitsAsLongAsTwilioAsked_ThenSendsExactlyOnce()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.Then(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}", retryAfterSeconds: 600);

        await MakeOrderReadyAsync(engine, "TW-RA");
        var first = await SmsAsync(engine, "TW-RA");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5)); // past our own backoff, short of Twilio's ten minutes
        var early = _twilio.Requests.Count(r => r.Form["Body"].Contains("TW-RA"));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(engine.Clock.GetUtcNow().UtcDateTime.AddMinutes(-11).AddSeconds(600), first.NextAttemptAt);
        Assert.Equal(1, early);
        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "TW-RA")).Status);
        Assert.Equal(2, _twilio.Requests.Count(r => r.Form["Body"].Contains("TW-RA")));
    }

    [Fact]
    public async Task RetryThatWouldLandInQuietHours_WaitsUntilTheyEnd()
    {
        var settings = Settings();
        settings["Notify:QuietHours:Start"] = "21:00";
        settings["Notify:QuietHours:End"] = "08:00";
        settings["Notify:QuietHours:TimeZone"] = "Europe/Oslo";
        await using var engine = await EngineHarness.StartAsync(settings: settings);
        await engine.AdvanceAsync(new TimeSpan(11, 59, 50)); // 20:59:50 in Oslo, ten seconds before quiet hours
        _twilio.Then(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}");

        await MakeOrderReadyAsync(engine, "TW-Q");
        var first = await SmsAsync(engine, "TW-Q");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5));
        var stillWaiting = await SmsAsync(engine, "TW-Q");
        await engine.AdvanceAsync(new DateTime(2026, 11, 17, 7, 0, 0, DateTimeKind.Utc) - engine.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(new DateTime(2026, 11, 17, 7, 0, 0, DateTimeKind.Utc), first.NextAttemptAt); // 08:00 in Oslo
        Assert.Equal(DeliveryStatus.Queued, stillWaiting.Status);
        Assert.Equal(1, stillWaiting.Attempts);
        var sms = await SmsAsync(engine, "TW-Q");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.Equal(2, sms.Attempts);
    }

    [Fact]
    public async Task InvalidNumber_FailsPermanentlyWithTwiliosReason()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.Then(400, "{\"code\": 21211, \"message\": \"The 'To' number +4791234567 is not a valid phone number.\", \"status\": 400}");

        await MakeOrderReadyAsync(engine, "TW-4");
        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var sms = await SmsAsync(engine, "TW-4");
        Assert.Equal(DeliveryStatus.Failed, sms.Status);
        Assert.Contains("21211", sms.Reason);
        Assert.Equal(1, sms.Attempts);
        Assert.Single(_twilio.Requests, r => r.Form["Body"].Contains("TW-4"));
    }

    [Fact]
    public async Task ServerErrors_GiveUpAfterTheAttemptLimit()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        for (var i = 0; i < Delivery.MaxAttempts; i++) _twilio.Then(503, "{\"message\": \"unavailable\"}");

        await MakeOrderReadyAsync(engine, "TW-5");
        for (var i = 0; i < Delivery.MaxAttempts; i++) await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var sms = await SmsAsync(engine, "TW-5");
        Assert.Equal(DeliveryStatus.Failed, sms.Status);
        Assert.Contains("gave up", sms.Reason);
        Assert.Equal(Delivery.MaxAttempts, _twilio.Requests.Count(r => r.Form["Body"].Contains("TW-5")));
    }

    public void Dispose() => _twilio.Dispose();
}
