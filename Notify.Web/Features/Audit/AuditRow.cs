using Notify.Workflows.Access;

namespace Notify.Web.Features.Audit;

/// <summary>An audit entry with its change in words: each field that differs from the state the previous entry left.</summary>
public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string Subject, string SubjectKey, string Detail, IReadOnlyList<AuditChange> Changes)
{
    public static AuditRow From(AuditEntry entry, string? previousDetail) =>
        new(entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, entry.SubjectKey, entry.Detail, AuditChange.Between(previousDetail, entry.Detail));
}
