using Notify.Domain.Messaging;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps.Send;

/// <summary>
/// A send step whose channels are an ordered list: each person gets the first channel that can reach them; the run
/// waits at the step and moves a person on to the next channel when theirs has no address or consent, fails for good,
/// or is not read (in-app) or delivered (SMS) within the step's time. Each attempt is its own delivery, under the
/// same run-step-person key prefix, and says what it stands in for and why. The step goes on when everyone is reached
/// or out of channels.
/// </summary>
internal static class FailoverSend
{
    /// <summary>Without a time to fail over after, a run still looks once a day at messages that neither went nor failed.</summary>
    private static readonly TimeSpan LookAgain = TimeSpan.FromDays(1);

    public static async Task<StepResult> ExecuteAsync(
        StepContext context, SendStepDefinition step, IReadOnlyList<Recipient> people, Func<Recipient, Channel, ChannelDecision> decide,
        List<string> notes, CancellationToken ct)
    {
        var channels = step.Channels.Select(n => ChannelNames.TryParse(n, out var c) ? c : (Channel?)null).OfType<Channel>().Distinct().ToList();
        var sent = context.DryRun ? [] : await context.Reads.StepMessagesAsync(context.RunId, step.Id, ct);
        var queued = new List<DeliveryDraft>();
        var skipped = new List<(DeliveryDraft Draft, string Why)>();
        var waitUntil = new List<DateTime>();
        var reached = 0;
        foreach (var person in people)
        {
            var prefix = SendStep.KeyPrefix(context, step, person);
            var mine = sent.Where(m => m.DeliveryKey.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var tried = channels.FindLastIndex(c => mine.Any(m => m.Channel == c));
            var handedOver = mine.Any(m => m.HandedOver);
            if (handedOver) reached++; // handed over on some channel
            string? movedOn = null;
            if (tried >= 0)
            {
                var (state, why, until) = Judge(mine.Where(m => m.Channel == channels[tried]).ToList(), channels[tried], step, context);
                if (state == PersonState.Pending && until is { } at) waitUntil.Add(at);
                if (state != PersonState.MovesOn) continue;
                movedOn = $"in place of the {Words(channels[tried])} message: {why}";
                if (tried + 1 == channels.Count)
                {
                    notes.Add($"{person.Name}: {why}, and no channel is left to try");
                    continue;
                }
            }

            for (var i = tried + 1; i < channels.Count; i++)
            {
                var decision = decide(person, channels[i]);
                if (decision.Error is not null) return StepResult.Fail(decision.Error);
                var next = i + 1 < channels.Count ? $"; trying {Words(channels[i + 1])} instead" : "";
                skipped.AddRange(decision.Skipped.Select(s => (s.Draft with { InPlaceOf = movedOn }, s.Why + (decision.Queued.Count == 0 ? next : ""))));
                if (decision.Queued.Count > 0)
                {
                    queued.AddRange(decision.Queued.Select(d => d with { InPlaceOf = movedOn }));
                    if (!handedOver) reached++;
                    if (i + 1 < channels.Count) waitUntil.Add(FailoverAt(step, context, context.Now) ?? context.Now.Add(LookAgain));
                    break;
                }

                movedOn = $"in place of the {Words(channels[i])} message: {decision.Skipped.FirstOrDefault().Why ?? "it could not be sent"}";
            }
        }

        var summary = SendStep.Summary(queued, skipped, notes);
        if (context.DryRun)
        {
            var after = step.FailoverAfter is { } time ? $", or is not {(channels.FirstOrDefault() == Channel.InApp ? "read" : "delivered")} within {time}" : "";
            return StepResult.Continue(queued.Count > 0 ? JournalVerdict.Sent : JournalVerdict.NobodyReached,
                    $"{summary}. In a run, a person moves on to the next channel when theirs fails{after}.")
                with { Deliveries = queued, Skipped = skipped };
        }

        if (waitUntil.Count > 0)
        {
            var until = waitUntil.Min();
            return new StepResult(StepDecision.Wait, queued.Count > 0 ? JournalVerdict.Sent : JournalVerdict.Waiting,
                $"{summary}. Waiting until {until:u} at most for the messages to go through before trying the next channel.")
            {
                ResumeAt = until, WakesOn = RunSignal.Message, Deliveries = queued, Skipped = skipped,
            };
        }

        return StepResult.Continue(reached > 0 || queued.Count > 0 ? JournalVerdict.Sent : JournalVerdict.NobodyReached,
                $"{summary}. Nothing is left to fail over: a message went to {reached} of {people.Count}.")
            with { Deliveries = queued, Skipped = skipped };
    }

    private enum PersonState
    {
        Reached,
        Pending,
        MovesOn,
    }

    /// <summary>Where a person stands on the channel tried last: reached, still going (until when), or to move on (why).</summary>
    private static (PersonState State, string? Why, DateTime? Until) Judge(List<StepMessage> last, Channel channel, SendStepDefinition step, StepContext context)
    {
        var strict = step.FailoverAfter is not null;
        if (last.Any(m => strict ? Settled(m) : m.HandedOver))
        {
            return (PersonState.Reached, null, null);
        }

        if (last.All(m => m.Dead))
        {
            return (PersonState.MovesOn, last.Select(m => m.Reason).FirstOrDefault(r => r is not null) ?? $"it was {last[0].Status.ToString().ToLowerInvariant()}", null);
        }

        var due = FailoverAt(step, context, last.Min(m => m.CreatedAt));
        if (due is { } at && context.Now >= at)
        {
            return (PersonState.MovesOn, $"not {(channel == Channel.InApp ? "read" : "delivered")} within {step.FailoverAfter}", null);
        }

        return (PersonState.Pending, null, due ?? context.Now.Add(LookAgain));
    }

    /// <summary>Reached, when a time to fail over is set: in-app read, SMS delivered (by the report), email accepted by the mail server.</summary>
    private static bool Settled(StepMessage m) => m.Channel switch
    {
        Channel.InApp => m.Status == DeliveryStatus.Read || m.ReadAt is not null,
        Channel.Sms => m.Status is DeliveryStatus.Delivered or DeliveryStatus.Read,
        _ => m.HandedOver,
    };

    private static DateTime? FailoverAt(SendStepDefinition step, StepContext context, DateTime from) => step.FailoverAfter is { } after
        ? context.Calendar.Shift(from, after.Amount, after.Unit, OffsetDirection.After)
        : null;

    private static string Words(Channel channel) => channel switch
    {
        Channel.InApp => "in-app",
        Channel.Sms => "SMS",
        _ => "email",
    };
}
