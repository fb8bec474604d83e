using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Workflows.Dispatch;

namespace Notify.Workflows.Tests.Channels;

/// <summary>
/// Twilio answers after the client has given up, or the app stops mid-send: the message may have gone. Before it is
/// sent again Twilio's message list is read, so the person gets it exactly once.
/// </summary>
public sealed class TwilioInDoubtTests : IDisposable
{
    private readonly TwilioStandIn _twilio = new();

    private Dictionary<string, string?> Settings() => TwilioOrders.Settings(_twilio.BaseUrl, timeoutSeconds: 1);

    private static Task MakeOrderReadyAsync(EngineHarness engine, string key) => TwilioOrders.MakeReadyAsync(engine, key);

    private static Task<Delivery> SmsAsync(EngineHarness engine, string key) => TwilioOrders.SmsAsync(engine, key);

    private static async Task<List<DeliveryAttempt>> AttemptsAsync(EngineHarness engine, Guid deliveryId)
    {
        await using var db = await engine.Db();
        return await db.DeliveryAttempts.Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync();
    }

    private int MessagesFor(string key) => _twilio.Messages.Count(m => m.Body.Contains(key, StringComparison.Ordinal));

    [Fact]
    public async Task AnswerAfterTheTimeout_MessageHadArrived_IsFoundInTwiliosListAndNotSentAgain()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.ThenSlow(TimeSpan.FromSeconds(4)); // accepted at once, answered after the client's 1 s

        await MakeOrderReadyAsync(engine, "SLOW-1");
        var unknown = await SmsAsync(engine, "SLOW-1");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(DeliveryStatus.Queued, unknown.Status);
        Assert.Contains("did not answer within 1 seconds", unknown.Reason);
        Assert.NotNull(unknown.InDoubtSince);
        var sms = await SmsAsync(engine, "SLOW-1");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.Equal(_twilio.Messages.Single(m => m.Body.Contains("SLOW-1")).Sid, sms.ProviderMessageId);
        Assert.Single(_twilio.Requests, r => r.Form["Body"].Contains("SLOW-1"));
        Assert.Equal(1, MessagesFor("SLOW-1"));
        Assert.Contains(_twilio.Lookups, q => q.GetValueOrDefault("To") == "+4791234567");
        var attempts = await AttemptsAsync(engine, sms.Id);
        Assert.Equal([AttemptOutcome.Unknown, AttemptOutcome.FoundAtProvider], attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.Equal(sms.ProviderMessageId, attempts[1].Answer);
    }

    [Fact]
    public async Task AnswerAfterTheTimeout_MessageHadNotArrived_IsSentOnceMore()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.ThenSlow(TimeSpan.FromSeconds(3), status: 500); // slow, and in the end refused: nothing in the list

        await MakeOrderReadyAsync(engine, "SLOW-2");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));

        var sms = await SmsAsync(engine, "SLOW-2");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.Equal(2, _twilio.Requests.Count(r => r.Form["Body"].Contains("SLOW-2")));
        Assert.Equal(1, MessagesFor("SLOW-2"));
        var attempts = await AttemptsAsync(engine, sms.Id);
        Assert.Equal([AttemptOutcome.Unknown, AttemptOutcome.Sent], attempts.Select(a => a.Outcome));
        Assert.Contains("no such message", attempts[1].Note);
    }

    [Fact]
    public async Task ListCannotBeRead_NothingIsSentUntilItCanBe()
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.ThenSlow(TimeSpan.FromSeconds(3));
        _twilio.ThenListFails(503);

        await MakeOrderReadyAsync(engine, "SLOW-3");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2)); // the list answers 503: wait
        var waiting = await SmsAsync(engine, "SLOW-3");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5)); // the list answers: it was there

        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Contains("could not be asked", waiting.Reason, StringComparison.OrdinalIgnoreCase);
        var sms = await SmsAsync(engine, "SLOW-3");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.Single(_twilio.Requests, r => r.Form["Body"].Contains("SLOW-3"));
        Assert.Equal(
            [AttemptOutcome.Unknown, AttemptOutcome.WillRetry, AttemptOutcome.FoundAtProvider],
            (await AttemptsAsync(engine, sms.Id)).Select(a => a.Outcome));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StoppedMidSend_AtStartTwiliosListDecides(bool twilioHadIt)
    {
        await using var engine = await EngineHarness.StartAsync(settings: Settings());
        _twilio.Then(503, "{\"message\": \"unavailable\"}");
        await MakeOrderReadyAsync(engine, "STOP-1");
        var id = (await SmsAsync(engine, "STOP-1")).Id;
        await using (var db = await engine.Db())
        {
            // as a kill -9 between the claim and Twilio's answer leaves it
            var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
            delivery.MarkSending("twilio", engine.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        if (twilioHadIt)
        {
            _twilio.Accept("+4791234567", "Hi Ola, your order STOP-1 is ready for pick-up.");
        }

        var before = _twilio.Requests.Count;
        engine.Clock.Advance(TimeSpan.FromMinutes(3)); // past the claim lease other nodes get on PostgreSQL
        var dispatcher = engine.Services.GetRequiredService<DeliveryDispatcher>();
        Assert.Equal(1, await dispatcher.RecoverInDoubtAsync(CancellationToken.None));
        await engine.RunAllAsync();

        var sms = await SmsAsync(engine, "STOP-1");
        Assert.Equal(DeliveryStatus.Sent, sms.Status);
        Assert.Equal(1, MessagesFor("STOP-1"));
        Assert.Equal(twilioHadIt ? 0 : 1, _twilio.Requests.Count - before);
        var outcomes = (await AttemptsAsync(engine, id)).Select(a => a.Outcome).ToList();
        Assert.Equal([AttemptOutcome.WillRetry, AttemptOutcome.Interrupted, twilioHadIt ? AttemptOutcome.FoundAtProvider : AttemptOutcome.Sent], outcomes);
    }

    public void Dispose() => _twilio.Dispose();
}
