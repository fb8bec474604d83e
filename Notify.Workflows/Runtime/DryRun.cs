namespace Notify.Workflows.Runtime;

/// <summary>
/// What to dry-run: a stored record, and what happens to it — an event described (<see cref="DryRunEvent"/>) or one of
/// its stored events — optionally as of a time, on the draft or on version <see cref="Version"/>.
/// </summary>
public sealed record DryRunRequest(DryRunRecord? Record, DryRunEvent? Event = null, Guid? EventId = null, DateTime? At = null, int? Version = null);

/// <summary>A record by type and key.</summary>
public sealed record DryRunRecord(string Type, string Key);

/// <summary>An event as the admin describes it: <c>record.status_changed</c> from new to ready, assigned to some, a custom type with its data…</summary>
public sealed record DryRunEvent(
    string Type, string? FromStatus = null, string? ToStatus = null, IReadOnlyList<string>? AddedAssignees = null,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Data = null, IReadOnlyList<string>? Fields = null);

/// <summary>
/// What the flow would do, with nothing stored, sent or scheduled: the steps it would take and why, the waits it
/// would make (and carry on past), every message as it would be rendered, and everyone skipped with the reason.
/// <see cref="Started"/>: the event (or the deadline) would start a run at all.
/// </summary>
public sealed record DryRunResult(
    IReadOnlyList<DryRunStep> Path, IReadOnlyList<DryRunWait> Waits, IReadOnlyList<DryRunMessage> Messages, IReadOnlyList<DryRunSkip> Skipped,
    bool Started = false);

public sealed record DryRunStep(string StepId, string Kind, JournalVerdict Decision, string Reason);

/// <summary>A wait the trial stepped over: until when, and why in words ("24 hours before the deadline", "2 working days later").</summary>
public sealed record DryRunWait(string StepId, DateTime Until, string? Why = null);

/// <summary>
/// One message as it would be rendered, the send step (<see cref="StepId"/>) that would make it, and whom it is for; an
/// email also as the recipient sees it (<see cref="Html"/>: the company's layout around its HTML or text); an SMS held
/// for quiet hours says until when (<see cref="HeldUntil"/>).
/// </summary>
public sealed record DryRunMessage(
    string Channel, string? Contact, string Address, string? Subject, string Body, string? Encoding, int Segments, string? StepId = null, string? Name = null,
    string? Html = null, DateTime? HeldUntil = null);

public sealed record DryRunSkip(string? Contact, string Channel, string Reason, string? StepId = null);
