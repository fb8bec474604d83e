using Notify.Domain.Messaging;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps;

public enum StepDecision
{
    Continue,
    Wait,
    End,
    Fail,
}

/// <summary>What a step decided: go on (to the next or a named step), wait until a time, end, or fail with a reason.</summary>
public sealed record StepResult(StepDecision Decision, JournalVerdict Verdict, string Message)
{
    /// <summary>For <see cref="StepDecision.Continue"/>: a named step to jump to; null means the following one.</summary>
    public string? JumpTo { get; init; }

    /// <summary>Branches may end the flow on purpose by having no target.</summary>
    public bool EndsFlow { get; init; }

    public DateTime? ResumeAt { get; init; }

    /// <summary>For <see cref="StepDecision.Wait"/>: the time comes from a record date, so the wait is worked out
    /// again (this step runs again) when that date moves.</summary>
    public bool FollowsRecordDate { get; init; }

    /// <summary>For <see cref="StepDecision.Wait"/>: the run waits at this step for something to happen, and this wakes it
    /// early; <see cref="ResumeAt"/> is when its time runs out. The step runs again either way.</summary>
    public RunSignal? WakesOn { get; init; }

    public IReadOnlyList<DeliveryDraft> Deliveries { get; init; } = [];

    /// <summary>Messages a digest send step collected, to go out together when their digest is due.</summary>
    public IReadOnlyList<Digests.DigestItem> Collected { get; init; } = [];

    public IReadOnlyList<(DeliveryDraft Draft, string Reason)> Skipped { get; init; } = [];

    public static StepResult Continue(JournalVerdict verdict, string message) => new(StepDecision.Continue, verdict, message);

    public static StepResult Wait(DateTime until, string message) =>
        new(StepDecision.Wait, JournalVerdict.Waiting, message) { ResumeAt = until };

    /// <summary>Waits here until <paramref name="timeoutAt"/>, or until <paramref name="signal"/> wakes the run earlier.</summary>
    public static StepResult WaitFor(RunSignal signal, DateTime timeoutAt, string message) =>
        new(StepDecision.Wait, JournalVerdict.Waiting, message) { ResumeAt = timeoutAt, WakesOn = signal };

    public static StepResult End(JournalVerdict verdict, string message) => new(StepDecision.End, verdict, message);

    public static StepResult Fail(string reason) => new(StepDecision.Fail, JournalVerdict.Failed, reason);
}
