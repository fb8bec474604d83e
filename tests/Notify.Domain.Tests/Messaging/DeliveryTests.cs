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
}
