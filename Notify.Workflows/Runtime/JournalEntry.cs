namespace Notify.Workflows.Runtime;

/// <summary>One line of a run's story: which step, when, what it decided and why. Written only by <see cref="FlowRun"/>.</summary>
public sealed class JournalEntry
{
    /// <summary>The step id of lines about the run's trigger (a reminder scheduled, moved, reached or withdrawn).</summary>
    public const string TriggerStep = "trigger";

    private const int MaxMessage = 4000;

    private JournalEntry()
    {
    }

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public DateTime At { get; private set; }

    public string StepId { get; private set; } = "";

    /// <summary>The step's kind (<c>send</c>, <c>delay</c>…), or <see cref="TriggerStep"/>, or <c>run</c> for the run itself.</summary>
    public string Kind { get; private set; } = "";

    public JournalVerdict Verdict { get; private set; }

    /// <summary>The why, in words an admin reads.</summary>
    public string Message { get; private set; } = "";

    public bool IsAboutTrigger => StepId == TriggerStep;

    internal static JournalEntry Write(Guid runId, string stepId, string kind, JournalVerdict verdict, string message, DateTime at) => new()
    {
        Id = JournalSequence.Next(TimeProvider.System.GetUtcNow()),
        RunId = runId,
        StepId = stepId,
        Kind = kind,
        Verdict = verdict,
        Message = message.Length > MaxMessage ? message[..MaxMessage] : message,
        At = at,
    };
}
