namespace Notify.Web.Features.Records;

/// <summary><c>{ "name": "Task", "doneStatuses": ["done", "cancelled"] }</c></summary>
public sealed record RecordTypeBody(string? Name, IReadOnlyList<string>? DoneStatuses);
