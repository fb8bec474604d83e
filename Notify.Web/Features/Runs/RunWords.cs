using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Runs;

/// <summary>Run statuses and journal verdicts in the words the pages show.</summary>
public static class RunWords
{
    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Waiting => "Waiting",
        RunStatus.Completed => "Completed",
        RunStatus.Failed => "Failed",
        RunStatus.Cancelled => "Cancelled",
        RunStatus.Faulted => "Stopped with an error",
        RunStatus.NobodyReached => "Completed, nobody reached",
        _ => status.ToString(),
    };

    public static string Verdict(JournalVerdict verdict) => verdict switch
    {
        JournalVerdict.Scheduled => "Reminder scheduled",
        JournalVerdict.Moved => "Moved",
        JournalVerdict.DeadlineReached => "Time reached",
        JournalVerdict.ConditionMet => "Condition met",
        JournalVerdict.ConditionNotMet => "Condition not met",
        JournalVerdict.BranchYes => "Took the yes path",
        JournalVerdict.BranchNo => "Took the no path",
        JournalVerdict.Waiting => "Waiting",
        JournalVerdict.NoWait => "No wait needed",
        JournalVerdict.Happened => "It happened",
        JournalVerdict.TimedOut => "Timed out",
        JournalVerdict.Sent => "Messages queued",
        JournalVerdict.NobodyReached => "Nobody to send to",
        JournalVerdict.Stopped => "Stopped",
        JournalVerdict.Failed => "Failed",
        JournalVerdict.Cancelled => "Cancelled",
        JournalVerdict.Retrying => "Will try again",
        JournalVerdict.Faulted => "Stopped with an error",
        JournalVerdict.Retried => "Retried by a person",
        _ => "Noted",
    };

    /// <summary>A journal line's step for people: the step's id, or "When" for lines about the trigger.</summary>
    public static string Step(string stepId, string kind) => stepId == JournalEntry.TriggerStep ? "When" : stepId;
}
