namespace Notify.Workflows.Runtime;

/// <summary>
/// One execution of one flow version for one event. Its whole state is data, so it survives restarts. State
/// changes only through the methods below, and each one that a person should be able to read later writes its own
/// journal line: callers never write journal lines or edit a run's fields.
/// </summary>
public sealed class FlowRun
{
    private const string RunKind = "run";
    private Memento? _passStart;

    private FlowRun()
    {
    }

    public Guid Id { get; private set; }

    public string FlowKey { get; private set; } = "";

    public Guid FlowVersionId { get; private set; }

    public int FlowVersion { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    public string RecordType { get; private set; } = "";

    public string RecordKey { get; private set; } = "";

    public RunStatus Status { get; private set; }

    /// <summary>The step to execute next; null while waiting for the trigger (a deadline reminder not yet due).</summary>
    public string? CurrentStepId { get; private set; }

    public bool AtTrigger { get; private set; }

    /// <summary>Waiting in a delay until a record date (the deadline ± an offset); the wait moves with that date.</summary>
    public bool FollowsRecordDate { get; private set; }

    /// <summary>Waiting at a "wait for" step: what wakes the run before its time runs out.</summary>
    public RunSignal? WaitingFor { get; private set; }

    /// <summary>When the run began waiting at its current "wait for" step; the step's time-out counts from here.</summary>
    public DateTime? WaitingSince { get; private set; }

    /// <summary>UTC time a waiting run becomes due.</summary>
    public DateTime? ResumeAt { get; private set; }

    /// <summary>How the run ended, or why it faulted, in words.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Whether its send steps reached anyone: null before any send step, true once one queued a message, false while every one skipped everybody.</summary>
    public bool? Reached { get; private set; }

    /// <summary>Passes in a row that threw; reset by a pass that succeeds or by a person's retry.</summary>
    public int Attempts { get; private set; }

    /// <summary>The app node that executed the run's last pass.</summary>
    public string? Node { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>The run's journal as stored: a JSON array of its lines, oldest first (<see cref="RunJournal"/>).</summary>
    public string JournalJson { get; private set; } = RunJournal.Empty;

    /// <summary>Bumped on every save; guards against two workers saving the same run.</summary>
    public int Revision { get; private set; }

    public bool IsOpen => Status is RunStatus.Running or RunStatus.Waiting;

    /// <summary>A run that has not executed a step yet sees its event's record; after a wait it sees the record as it is then.</summary>
    public bool IsFresh => Status == RunStatus.Running;

    internal static FlowRun Start(PublishedFlow flow, Guid eventId, string eventType, string recordType, string recordKey, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        FlowKey = flow.FlowKey,
        FlowVersionId = flow.VersionId,
        FlowVersion = flow.Version,
        EventId = eventId,
        EventType = eventType,
        RecordType = recordType,
        RecordKey = recordKey,
        Status = RunStatus.Running,
        CurrentStepId = flow.Definition.Steps.FirstOrDefault()?.Id,
        ResumeAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A deadline reminder: waits at the trigger until the deadline ± offset.</summary>
    internal static FlowRun ScheduleReminder(PublishedFlow flow, Guid eventId, string recordType, string recordKey, DateTime dueAt, DateTime now)
    {
        var run = Start(flow, eventId, Domain.Records.EventTypes.Deadline, recordType, recordKey, now);
        run.Status = RunStatus.Waiting;
        run.AtTrigger = true;
        run.CurrentStepId = null;
        run.ResumeAt = dueAt;
        run.Journal(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.Scheduled, $"{flow.Definition.DeadlineTrigger?.Deadline}: waiting until {dueAt:u}.", now);
        return run;
    }

    /// <summary>The run's journal, oldest line first.</summary>
    public IReadOnlyList<JournalEntry> ReadJournal() => RunJournal.Read(JournalJson);

    /// <summary>The deadline moved: the reminder moves with it.</summary>
    internal void ReminderMoved(DateTime dueAt, string why, DateTime now)
    {
        ResumeAt = dueAt;
        Journal(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.Moved, $"{why}; the reminder now waits until {dueAt:u}.", now);
    }

    /// <summary>The record date this run waits for moved: it resumes now and its delay step works the wait out again.</summary>
    internal void RecordDateMoved(string why, DateTime now)
    {
        ResumeAt = now;
        Journal(CurrentStepId ?? JournalEntry.TriggerStep, "delay", JournalVerdict.Moved, why + "; the wait is worked out again.", now);
    }

    /// <summary>What this run waits for happened, or may have: it resumes now and its "wait for" step looks again.</summary>
    internal void Woken(DateTime now)
    {
        if (Status != RunStatus.Waiting || WaitingFor is null)
        {
            return;
        }

        ResumeAt = now;
        Touch(now);
    }

    /// <summary>On publish, an admin may move reminders still waiting at their trigger to the new version.</summary>
    internal void MovedToVersion(PublishedFlow version, DateTime dueAt, DateTime now)
    {
        FlowVersionId = version.VersionId;
        FlowVersion = version.Version;
        ResumeAt = dueAt;
        Journal(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.Moved,
            $"Moved to version {version.Version} when it was published; {version.Definition.DeadlineTrigger?.Deadline}: now waits until {dueAt:u}.", now);
    }

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

    private void End(RunStatus status, string outcome, DateTime now)
    {
        Status = status;
        Outcome = outcome;
        ResumeAt = null;
        (WaitingFor, WaitingSince) = (null, null);
        EndedAt = now;
        Touch(now);
    }

    private void Journal(string stepId, string kind, JournalVerdict verdict, string message, DateTime now)
    {
        var cut = message.Length > JournalEntry.MaxMessage ? JournalEntry.MaxMessage - (char.IsHighSurrogate(message[JournalEntry.MaxMessage - 1]) ? 1 : 0) : message.Length;
        var line = new JournalEntry(now, stepId, kind, verdict, message[..cut]);
        JournalJson = RunJournal.Append(JournalJson, line);
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Revision++;
    }

    private sealed record Memento(
        RunStatus Status, string? CurrentStepId, bool AtTrigger, bool FollowsRecordDate, DateTime? ResumeAt, string? Outcome, DateTime? EndedAt, bool? Reached,
        RunSignal? WaitingFor, DateTime? WaitingSince, string JournalJson);
}
