namespace Notify.Workflows.Runtime;

/// <summary>
/// What one journal line records: a closed set, so the explainer, the pages and the API read verdicts, never
/// wording. Stored by name; a name this version does not know reads back as <see cref="Noted"/>.
/// </summary>
public enum JournalVerdict
{
    /// <summary>A line from an older version whose verdict is not one of these.</summary>
    Noted,

    /// <summary>A deadline reminder was made and waits for its time.</summary>
    Scheduled,

    /// <summary>A wait moved: the deadline moved, or the reminder moved to a new version.</summary>
    Moved,

    /// <summary>A reminder's time came and the record still needs it.</summary>
    DeadlineReached,

    /// <summary>A condition held: the run goes on.</summary>
    ConditionMet,

    /// <summary>A condition did not hold: the run ends there.</summary>
    ConditionNotMet,

    /// <summary>A branch took its yes path.</summary>
    BranchYes,

    /// <summary>A branch took its otherwise path.</summary>
    BranchNo,

    /// <summary>The run waits until a time.</summary>
    Waiting,

    /// <summary>A wait whose time had already passed.</summary>
    NoWait,

    /// <summary>What a "wait for" step waited for happened: the run goes its "happened" way.</summary>
    Happened,

    /// <summary>What a "wait for" step waited for did not happen in time: the run goes its "timed out" way.</summary>
    TimedOut,

    /// <summary>A send step queued messages.</summary>
    Sent,

    /// <summary>A send step found nobody it could reach.</summary>
    NobodyReached,

    /// <summary>A stop step, or a step that ended the run on purpose.</summary>
    Stopped,

    /// <summary>A step could not do its work; the run failed with the reason.</summary>
    Failed,

    /// <summary>The run was withdrawn: the record was done, deleted, its deadline removed, or a person cancelled it.</summary>
    Cancelled,

    /// <summary>Executing the run threw; it is tried again later.</summary>
    Retrying,

    /// <summary>Executing the run kept throwing; it stopped for a person to look at.</summary>
    Faulted,

    /// <summary>A person asked for a faulted run to be tried again.</summary>
    Retried,
}

/// <summary>Reading stored verdicts back.</summary>
public static class JournalVerdicts
{
    /// <summary>The verdict of that name; a name from an older version that is not a verdict reads as <see cref="JournalVerdict.Noted"/>.</summary>
    public static JournalVerdict Parse(string? stored) => Enum.TryParse<JournalVerdict>(stored, ignoreCase: false, out var verdict) ? verdict : JournalVerdict.Noted;
}
