namespace Notify.Workflows.Runtime;

/// <summary>
/// One execution of one flow version for one event. Its whole state is data, so it survives restarts. State
/// changes only through the methods below and those of a pass (<c>FlowRun.Pass.cs</c>), and each one that a person
/// should be able to read later writes its own journal line: callers never write journal lines or edit a run's fields.
/// </summary>
public sealed partial class FlowRun
{
    private const string RunKind = "run";

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
}
