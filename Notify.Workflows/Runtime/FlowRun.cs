namespace Notify.Workflows.Runtime;

/// <summary>One execution of one flow version for one event. Its whole state is data, so it survives restarts.</summary>
public sealed class FlowRun
{
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

    /// <summary>UTC time a waiting run becomes due.</summary>
    public DateTime? ResumeAt { get; private set; }

    public string? Outcome { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>Bumped on every save; guards against two workers saving the same run.</summary>
    public int Revision { get; private set; }

    public static FlowRun Start(Guid flowVersionId, string flowKey, int version, Guid eventId, string eventType,
        string recordType, string recordKey, string? firstStepId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        FlowKey = flowKey,
        FlowVersionId = flowVersionId,
        FlowVersion = version,
        EventId = eventId,
        EventType = eventType,
        RecordType = recordType,
        RecordKey = recordKey,
        Status = RunStatus.Running,
        CurrentStepId = firstStepId,
        ResumeAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A deadline reminder: waits at the trigger until the deadline ± offset.</summary>
    public static FlowRun WaitForDeadline(Guid flowVersionId, string flowKey, int version, Guid eventId,
        string recordType, string recordKey, DateTime dueAt, DateTime now)
    {
        var run = Start(flowVersionId, flowKey, version, eventId, Domain.Records.EventTypes.Deadline, recordType, recordKey, null, now);
        run.Status = RunStatus.Waiting;
        run.AtTrigger = true;
        run.ResumeAt = dueAt;
        return run;
    }

    public void MoveTo(string? stepId, DateTime now)
    {
        CurrentStepId = stepId;
        AtTrigger = false;
        Touch(now);
    }

    public void WaitUntil(DateTime resumeAt, string? nextStepId, DateTime now, bool followsRecordDate = false)
    {
        Status = RunStatus.Waiting;
        ResumeAt = resumeAt;
        CurrentStepId = nextStepId;
        FollowsRecordDate = followsRecordDate;
        Touch(now);
    }

    /// <summary>The record date this run waits for moved: it resumes now and its delay step works the wait out again.</summary>
    public void RecheckWait(DateTime now)
    {
        ResumeAt = now;
        Touch(now);
    }

    /// <summary>The deadline moved: the reminder moves with it.</summary>
    public void Reschedule(DateTime resumeAt, DateTime now)
    {
        ResumeAt = resumeAt;
        Touch(now);
    }

    /// <summary>On publish, an admin may move reminders still waiting at their trigger to the new version.</summary>
    public void MoveToVersion(Guid versionId, int version, DateTime now)
    {
        FlowVersionId = versionId;
        FlowVersion = version;
        Touch(now);
    }

    public void Resume(DateTime now)
    {
        Status = RunStatus.Running;
        FollowsRecordDate = false;
        Touch(now);
    }

    public void Complete(string outcome, DateTime now) => End(RunStatus.Completed, outcome, now);

    public void Fail(string reason, DateTime now) => End(RunStatus.Failed, reason, now);

    public void Cancel(string reason, DateTime now) => End(RunStatus.Cancelled, reason, now);

    private void End(RunStatus status, string outcome, DateTime now)
    {
        Status = status;
        Outcome = outcome;
        ResumeAt = null;
        EndedAt = now;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
