using MudBlazor;
using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>How an attempt ended, and where a delivery stands, in the words a support person reads.</summary>
public static class AttemptWords
{
    public static string For(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Sent => "Accepted by the provider",
        AttemptOutcome.Delivered => "Delivered",
        AttemptOutcome.WillRetry => "Failed, will try again",
        AttemptOutcome.Failed => "Failed",
        AttemptOutcome.Unknown => "No answer: may have arrived",
        AttemptOutcome.Interrupted => "Interrupted: the app stopped",
        AttemptOutcome.FoundAtProvider => "Had arrived: not sent again",
        _ => outcome.ToString(),
    };

    public static Color ColorFor(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Sent or AttemptOutcome.Delivered or AttemptOutcome.FoundAtProvider => Color.Success,
        AttemptOutcome.Failed => Color.Error,
        AttemptOutcome.Unknown or AttemptOutcome.Interrupted => Color.Warning,
        _ => Color.Info,
    };

    public static string For(DeliveryStatus status) => status switch
    {
        DeliveryStatus.NeedsReview => "Needs review",
        DeliveryStatus.Cancelled => "Withdrawn",
        DeliveryStatus.Read => "Read",
        _ => status.ToString(),
    };
}
