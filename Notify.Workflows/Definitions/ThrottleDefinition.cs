namespace Notify.Workflows.Definitions;

/// <summary>
/// At most <see cref="Max"/> messages to one person on one channel in any <see cref="Per"/>, from this flow, or from
/// every flow when <see cref="AcrossFlows"/>; the rest are left out with the reason.
/// </summary>
public sealed record ThrottleDefinition
{
    public int Max { get; init; } = 3;

    public WaitTime Per { get; init; } = new(1, TimeUnit.Days);

    /// <summary>Count the messages of every flow, not only this one's (this flow's sends are still the only ones held back).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool AcrossFlows { get; init; }

    /// <summary>Messages over the limit are not dropped: they go together as one message a window later (the template sees them in <c>digest.events</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Fold { get; init; }

    /// <summary>"at most 3 messages per person and channel in any 1 day, counting every flow".</summary>
    public override string ToString() =>
        $"at most {Max} {(Max == 1 ? "message" : "messages")} per person and channel in any {Per}" + (AcrossFlows ? ", counting every flow" : "") +
        (Fold ? "; the rest go together as one message a window later" : "");
}
