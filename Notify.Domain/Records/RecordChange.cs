namespace Notify.Domain.Records;

/// <summary>One thing that happened to a record in an upsert: its type, and for status changes from/to.</summary>
public sealed record RecordChange(string Type, string? FromStatus, string? ToStatus, IReadOnlyList<string> AddedAssignees);
