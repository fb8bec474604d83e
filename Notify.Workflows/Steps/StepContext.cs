using Notify.Domain.Records;
using Notify.Workflows.Conditions;

namespace Notify.Workflows.Steps;

/// <summary>What a step sees while it runs: its run's identity, the event, the record, the time, and what it may read.</summary>
public sealed class StepContext
{
    public required Guid RunId { get; init; }

    public required string FlowKey { get; init; }

    public required RecordEvent Event { get; init; }

    /// <summary>
    /// The record as the step should judge it: in a run's first pass, as its own event left it (whatever later upserts
    /// in the same batch made of it); after a wait, as it is when the run resumes.
    /// </summary>
    public required RecordSnapshot Record { get; init; }

    public required RecordType RecordType { get; init; }

    public required DateTime Now { get; init; }

    /// <summary>The flow is urgent: its messages go even inside people's quiet hours.</summary>
    public bool IgnoreQuietHours { get; init; }

    /// <summary>The flow's limit on messages per person, or null.</summary>
    public Definitions.ThrottleDefinition? Throttle { get; init; }

    /// <summary>The flow is marked required: people who turned it off still get its messages.</summary>
    public bool FlowRequired { get; init; }

    /// <summary>Contacts, groups and templates: everything a step may read beyond the record and the event.</summary>
    public required IStepReads Reads { get; init; }

    /// <summary>Working days and holidays, for conditions that count in working days.</summary>
    public Triggers.WorkCalendar Calendar { get; init; } = new();

    /// <summary>The organisation's time zone: a day in a condition starts at midnight here.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>A dry run or impact preview: nothing is stored, so a step that would wait on what it sent says what it would do instead.</summary>
    public bool DryRun { get; init; }

    /// <summary>Set while the step the run waited at runs again: which step, and when its wait began.</summary>
    public ResumedWait? Resumed { get; internal set; }

    /// <summary>When the wait at <paramref name="stepId"/> began: its first pass is now; after a wake-up, when the run first waited there.</summary>
    public DateTime WaitingSince(string stepId) => Resumed is { } wait && wait.StepId == stepId ? wait.Since : Now;

    /// <summary>The work the runs of a batch share when they judge the same event and record; the engine gives one per batch, anything else gets its own.</summary>
    public SharedStepWork Shared { get; init; } = new();

    public ConditionInput ToConditionInput() =>
        Shared.ConditionInput(this, () => ConditionInputFactory.Create(Event, Record, RecordType, Now, Calendar, Zone));
}

/// <summary>The "wait for" step a run resumed at, and when its wait began.</summary>
public sealed record ResumedWait(string StepId, DateTime Since);
