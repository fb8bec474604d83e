namespace Notify.Workflows.Runtime;

/// <summary>A run's pass: from where it stands, step by step, until it ends, waits, or throws and is put back as it was.</summary>
public sealed partial class FlowRun
{
    private Memento? _passStart;

    /// <summary>Remembers the state before a pass, so a pass that throws leaves the run as it was.</summary>
    internal void BeginPass(string node)
    {
        _passStart = new Memento(Status, CurrentStepId, AtTrigger, FollowsRecordDate, ResumeAt, Outcome, EndedAt, Reached, WaitingFor, WaitingSince, JournalJson);
        Node = node;
    }

    /// <summary>A pass went through: the run's state stands.</summary>
    internal void EndPass()
    {
        _passStart = null;
        Attempts = 0;
    }

    /// <summary>
    /// A pass threw: everything it did is undone, and the run is tried again at <paramref name="retryAt"/>, or, with
    /// no retry left (null), faulted for a person to look at.
    /// </summary>
    internal void PassThrew(string error, DateTime? retryAt, int maxAttempts, DateTime now)
    {
        var thrownAt = CurrentStepId ?? JournalEntry.TriggerStep;
        if (_passStart is { } start)
        {
            (Status, CurrentStepId, AtTrigger, FollowsRecordDate, ResumeAt, Outcome, EndedAt, Reached) =
                (start.Status, start.CurrentStepId, start.AtTrigger, start.FollowsRecordDate, start.ResumeAt, start.Outcome, start.EndedAt, start.Reached);
            (WaitingFor, WaitingSince) = (start.WaitingFor, start.WaitingSince);
            JournalJson = start.JournalJson;
            _passStart = null;
        }

        Attempts++;
        if (retryAt is { } when)
        {
            ResumeAt = when;
            Journal(thrownAt, RunKind, JournalVerdict.Retrying, $"Attempt {Attempts} of {maxAttempts} failed at this step: {error}. Tried again at {when:u}.", now);
            return;
        }

        Status = RunStatus.Faulted;
        ResumeAt = null;
        Outcome = $"Stopped after {Attempts} failed {(Attempts == 1 ? "attempt" : "attempts")} at step '{thrownAt}': {error}";
        Journal(thrownAt, RunKind, JournalVerdict.Faulted, Outcome, now);
    }

    /// <summary>A person asks for a faulted run to be tried again, from where it stopped.</summary>
    internal void RetryByPerson(string who, DateTime now)
    {
        if (Status != RunStatus.Faulted)
        {
            throw new InvalidOperationException($"Only a faulted run can be retried; this one is {Status}.");
        }

        // As after a wait: due now, and the steps see the record as it is now, which is what a person retrying expects.
        Status = RunStatus.Waiting;
        Attempts = 0;
        ResumeAt = now;
        Outcome = null;
        Journal(CurrentStepId ?? JournalEntry.TriggerStep, RunKind, JournalVerdict.Retried, $"{who} asked for the run to be tried again.", now);
    }

    /// <summary>The wait is over: the run goes on.</summary>
    internal void Resume(DateTime now)
    {
        Status = RunStatus.Running;
        FollowsRecordDate = false;
        Touch(now);
    }

    /// <summary>A reminder's time came and the record still needs it: the run goes on to its first step.</summary>
    internal void DeadlineReached(string? firstStepId, string what, DateTime now)
    {
        Journal(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.DeadlineReached, what, now);
        CurrentStepId = firstStepId;
        AtTrigger = false;
    }

    /// <summary>A step's decision, written as its journal line; a send step's also says whether anyone was reached.</summary>
    internal void StepDecided(string stepId, string kind, JournalVerdict verdict, string message, DateTime now)
    {
        Reached = verdict switch
        {
            JournalVerdict.Sent => true,
            JournalVerdict.NobodyReached => Reached ?? false,
            _ => Reached,
        };
        Journal(stepId, kind, verdict, message, now);
    }

    internal void MoveTo(string? stepId, DateTime now)
    {
        CurrentStepId = stepId;
        AtTrigger = false;
        (WaitingFor, WaitingSince) = (null, null);
        Touch(now);
    }

    internal void WaitUntil(DateTime resumeAt, string? nextStepId, bool followsRecordDate, DateTime now)
    {
        Status = RunStatus.Waiting;
        ResumeAt = resumeAt;
        CurrentStepId = nextStepId;
        FollowsRecordDate = followsRecordDate;
        (WaitingFor, WaitingSince) = (null, null);
        Touch(now);
    }

    /// <summary>
    /// Waits at <paramref name="stepId"/> for something to happen, at most until <paramref name="timeoutAt"/>: the step runs
    /// again when <paramref name="signal"/> wakes the run, or when the time is up. Waiting again at the same step keeps
    /// the time the wait began.
    /// </summary>
    internal void WaitFor(string stepId, RunSignal signal, DateTime timeoutAt, DateTime now)
    {
        var since = WaitingFor is not null && CurrentStepId == stepId ? WaitingSince ?? now : now;
        Status = RunStatus.Waiting;
        ResumeAt = timeoutAt;
        CurrentStepId = stepId;
        FollowsRecordDate = false;
        (WaitingFor, WaitingSince) = (signal, since);
        Touch(now);
    }

    /// <summary>The run reached its end; when its send steps reached nobody, it ends as <see cref="RunStatus.NobodyReached"/> and says so.</summary>
    internal void Complete(string outcome, DateTime now)
    {
        if (Reached == false)
        {
            End(RunStatus.NobodyReached, $"Nobody could be reached: every message was left out (the send steps say why). {outcome}", now);
            return;
        }

        End(RunStatus.Completed, outcome, now);
    }

    /// <summary>The run cannot go on (a step failed, its flow or event is gone); the line says why.</summary>
    internal void Fail(string stepId, string kind, string reason, DateTime now)
    {
        Journal(stepId, kind, JournalVerdict.Failed, reason, now);
        End(RunStatus.Failed, reason, now);
    }

    /// <summary>Withdrawn: the record was done or deleted, its deadline removed, or a person cancelled the run.</summary>
    internal void Cancel(string reason, DateTime now)
    {
        if (!IsOpen && Status != RunStatus.Faulted)
        {
            throw new InvalidOperationException($"A {Status} run cannot be cancelled.");
        }

        Journal(CurrentStepId is null || AtTrigger ? JournalEntry.TriggerStep : CurrentStepId, AtTrigger ? JournalEntry.TriggerStep : RunKind,
            JournalVerdict.Cancelled, reason, now);
        End(RunStatus.Cancelled, reason, now);
    }

    private sealed record Memento(
        RunStatus Status, string? CurrentStepId, bool AtTrigger, bool FollowsRecordDate, DateTime? ResumeAt, string? Outcome, DateTime? EndedAt, bool? Reached,
        RunSignal? WaitingFor, DateTime? WaitingSince, string JournalJson);
}
