using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Send;

/// <summary>Sends a template on the given channels to the people the recipient roles resolve to.</summary>
public sealed record SendStepDefinition : StepDefinition
{
    public IReadOnlyList<string> Channels { get; init; } = [];

    public string Template { get; init; } = "";

    /// <summary>
    /// Contact roles on the record (<c>customer</c>, <c>manager</c>), <c>assignees</c>, <c>newAssignees</c>,
    /// <c>group:NAME</c>, <c>contact:KEY</c>, <c>email:ADDRESS</c>, <c>phone:NUMBER</c>.
    /// </summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>
    /// Emails carry the files the event gives in its data's <c>attachments</c> (else the record's); each is fetched when
    /// the email goes, from an allowed host, and one over the size limit becomes a download link in the text.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Attach { get; init; }

    /// <summary>
    /// <see cref="Channels"/> is an ordered list: each person gets the first channel that can reach them, and the next
    /// when that one has no address or consent, fails for good, or is not read or delivered within <see cref="FailoverAfter"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Failover { get; init; }

    /// <summary>With <see cref="Failover"/>: how long a message may go unread (in-app) or undelivered (SMS) before the next channel is tried; null: only on failure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WaitTime? FailoverAfter { get; init; }

    /// <summary>Collect instead of sending at once: one message per person and channel for each window; null: send at once.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DigestDefinition? Digest { get; init; }

    [JsonIgnore]
    public override string Kind => "send";
}
