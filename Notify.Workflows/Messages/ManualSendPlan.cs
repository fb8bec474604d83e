using Notify.Domain.Messaging.Sms;

namespace Notify.Workflows.Messages;

/// <summary>
/// What a manual send would do, before it is confirmed: who gets what on which channel (and who does not, and why),
/// SMS segments per message and in all (segments × recipients), and the cost when a price per segment is set.
/// </summary>
public sealed record ManualSendPlan(
    IReadOnlyList<PlannedMessage> Messages, int Recipients, SmsBody Sms, int Segments, decimal? Cost, string Currency)
{
    public int SmsCount => Messages.Count(m => m.Goes && m.Channel == Domain.Messaging.Channel.Sms);
}
