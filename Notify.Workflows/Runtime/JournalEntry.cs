namespace Notify.Workflows.Runtime;

/// <summary>One line of a run's story: which step, when, what it saw, what it decided and why.</summary>
public sealed class JournalEntry
{
    private JournalEntry()
    {
    }

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public DateTime At { get; private set; }

    public string StepId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    /// <summary>Short verdict: started, true, false, waiting, sent 2, skipped, failed, completed.</summary>
    public string Outcome { get; private set; } = "";

    /// <summary>The why, in words an admin reads.</summary>
    public string Message { get; private set; } = "";

    public static JournalEntry Write(Guid runId, string stepId, string kind, string outcome, string message, DateTime at) => new()
    {
        Id = JournalSequence.Next(TimeProvider.System.GetUtcNow()),
        RunId = runId,
        StepId = stepId,
        Kind = kind,
        Outcome = outcome,
        Message = message.Length > 4000 ? message[..4000] : message,
        At = at,
    };
}
