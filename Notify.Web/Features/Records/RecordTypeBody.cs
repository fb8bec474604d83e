namespace Notify.Web.Features.Records;

/// <summary>
/// <c>{ "name": "Task", "doneStatuses": ["done", "cancelled"], "contactRoles": ["manager"] }</c>; <c>contactRoles</c>
/// left out keeps the roles declared before.
/// </summary>
public sealed record RecordTypeBody(string? Name, IReadOnlyList<string>? DoneStatuses, IReadOnlyList<string>? ContactRoles = null);
