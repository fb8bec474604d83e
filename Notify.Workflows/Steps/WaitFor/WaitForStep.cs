using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Steps.WaitFor;

/// <summary>
/// Looks whether what it waits for has happened; if so goes to <see cref="WaitForStepDefinition.Happened"/>, if its time
/// is up goes to <see cref="WaitForStepDefinition.TimedOut"/>, else waits (as data) until the time-out, to be woken
/// earlier when a message of the run or the record changes. It runs again each time, and always looks before timing out.
/// </summary>
public sealed class WaitForStep(WorkCalendar calendar) : IStep
{
    public string Kind => "wait-for";

    public async Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (WaitForStepDefinition)definition;
        var since = context.WaitingSince(step.Id);
        var timeoutAt = calendar.Shift(since, step.Amount, step.Unit, OffsetDirection.After);
        if (await HappenedAsync(step, context, since, ct) is { } seen)
        {
            return Go(JournalVerdict.Happened, $"{seen}; {WaitForWords.Go(step.Happened)}", step.Happened);
        }

        if (context.Now >= timeoutAt)
        {
            return Go(JournalVerdict.TimedOut, $"Waited {WaitForWords.TimeOut(step)} (until {timeoutAt:u}) for {WaitForWords.What(step)}; it did not happen, so {WaitForWords.Go(step.TimedOut)}", step.TimedOut);
        }

        var signal = step.For is WaitForWhat.Read or WaitForWhat.Delivered ? RunSignal.Message : RunSignal.Record;
        return StepResult.WaitFor(signal, timeoutAt, $"Waiting until {timeoutAt:u} at most for {WaitForWords.What(step)}.");
    }

    private static StepResult Go(JournalVerdict verdict, string message, string? target)
    {
        var end = target is null or StepDefinition.End;
        return StepResult.Continue(verdict, message) with { JumpTo = end ? null : target, EndsFlow = end };
    }

    /// <summary>What happened, in words, or null while it has not.</summary>
    private static async Task<string?> HappenedAsync(WaitForStepDefinition step, StepContext context, DateTime since, CancellationToken ct)
    {
        switch (step.For)
        {
            case WaitForWhat.Read:
                var read = (await context.Reads.StepMessagesAsync(context.RunId, step.Step!, ct)).Where(m => m.ReadAt is not null).MinBy(m => m.ReadAt);
                return read is null ? null : $"{read.RecipientName} read the message of '{step.Step}' at {read.ReadAt:u}";
            case WaitForWhat.Delivered:
                var delivered = (await context.Reads.StepMessagesAsync(context.RunId, step.Step!, ct)).FirstOrDefault(m => m.Delivered);
                return delivered is null ? null : $"The message of '{step.Step}' reached {delivered.RecipientName}";
            case WaitForWhat.Status:
                var status = context.Record.Status;
                return step.Statuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? $"The {context.Record.Type}'s status is '{status}'" : null;
            default:
                var arrived = await context.Reads.EventSinceAsync(context.Record.Type, context.Record.Key, step.EventType!, since, ct);
                return arrived is { } at ? $"A '{step.EventType}' event arrived at {at:u}" : null;
        }
    }
}
