using Notify.Domain.Messaging;

namespace Notify.Domain.Tests.Messaging;

public class DeliveryTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private static Delivery NewDelivery() =>
        Delivery.Queue(new DeliveryDraft { DeliveryKey = "k", Channel = Channel.Email, Address = "a@b.no", Body = "hi" }, Now);

    [Fact]
    public void TransientFailures_RequeueUntilTheLimitThenFail()
    {
        var delivery = NewDelivery();
        for (var i = 1; i < Delivery.MaxAttempts; i++)
        {
            delivery.MarkSending("smtp", Now);
            delivery.MarkTransientFailure("421 busy", Now.AddMinutes(i), Now);
            Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        }

        delivery.MarkSending("smtp", Now);
        delivery.MarkTransientFailure("421 busy", Now.AddHours(1), Now);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("gave up", delivery.Reason);
    }

    [Fact]
    public void MarkSent_WithoutClaim_IsRefused()
    {
        var delivery = NewDelivery();

        Assert.Throws<InvalidOperationException>(() => delivery.MarkSent("id", Now));
    }

    [Fact]
    public void InDoubt_CanBeRequeuedByAPerson()
    {
        var delivery = NewDelivery();
        delivery.MarkSending("smtp", Now);
        delivery.MarkInDoubt(Now);

        delivery.Requeue(Now);

        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
    }

    [Fact]
    public void EveryEndedAttempt_IsLoggedOnceWithItsNumberTimesAndAnswer()
    {
        var delivery = NewDelivery();
        delivery.MarkSending("smtp", Now);
        delivery.MarkTransientFailure("SMTP 421: busy", Now.AddMinutes(1), Now.AddSeconds(2));
        delivery.MarkSending("smtp", Now.AddMinutes(1));
        delivery.MarkSent("abc@notify", Now.AddMinutes(1).AddSeconds(1));

        var attempts = delivery.TakeEndedAttempts();

        Assert.Empty(delivery.TakeEndedAttempts());
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.Equal([AttemptOutcome.WillRetry, AttemptOutcome.Sent], attempts.Select(a => a.Outcome));
        Assert.Equal([Now, Now.AddMinutes(1)], attempts.Select(a => a.StartedAt));
        Assert.Equal([Now.AddSeconds(2), Now.AddMinutes(1).AddSeconds(1)], attempts.Select(a => a.EndedAt));
        Assert.Equal(["SMTP 421: busy", "abc@notify"], attempts.Select(a => a.Answer));
        Assert.Equal([Now.AddMinutes(1), null], attempts.Select(a => a.NextAttemptAt));
        Assert.All(attempts, a => Assert.Equal(delivery.Id, a.DeliveryId));
    }

    [Fact]
    public void UnknownOutcome_WithoutAProviderToAsk_WaitsForAPerson()
    {
        var delivery = NewDelivery();
        delivery.MarkSending("smtp", Now);

        delivery.MarkOutcomeUnknown("The SMTP server took the message but did not confirm it.", null, Now);

        Assert.Equal(DeliveryStatus.NeedsReview, delivery.Status);
        Assert.Contains("may or may not have arrived", delivery.Reason);
        Assert.Equal(Now, delivery.InDoubtSince);
        Assert.Equal(AttemptOutcome.Unknown, Assert.Single(delivery.TakeEndedAttempts()).Outcome);
    }

    [Fact]
    public void UnknownOutcome_ThenAttemptsRunOut_WaitsForAPersonRatherThanFailing()
    {
        var delivery = NewDelivery();
        delivery.MarkSending("twilio", Now);
        delivery.MarkOutcomeUnknown("Twilio did not answer within 30 seconds.", Now.AddMinutes(1), Now);
        for (var i = 2; i <= Delivery.MaxAttempts; i++)
        {
            Assert.Equal(DeliveryStatus.Queued, delivery.Status);
            delivery.MarkSending("twilio", Now.AddMinutes(i));
            delivery.MarkTransientFailure("Twilio could not be asked for the messages", Now.AddMinutes(i + 1), Now.AddMinutes(i));
        }

        Assert.Equal(DeliveryStatus.NeedsReview, delivery.Status);
        Assert.Contains("an earlier attempt may have arrived", delivery.Reason);
    }

    [Fact]
    public void FoundAtProvider_CountsAsSentAtTheTimeTheProviderTookIt()
    {
        var delivery = NewDelivery();
        delivery.MarkSending("twilio", Now);
        delivery.MarkOutcomeUnknown("Twilio did not answer within 30 seconds.", Now.AddMinutes(1), Now.AddSeconds(30));
        delivery.MarkSending("twilio", Now.AddMinutes(1));

        delivery.MarkFoundAtProvider("SM1", Now.AddSeconds(1), Now.AddMinutes(1));

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal("SM1", delivery.ProviderMessageId);
        Assert.Equal(Now.AddSeconds(1), delivery.SentAt);
        Assert.Null(delivery.InDoubtSince);
        Assert.Null(delivery.Reason);
    }
}
