namespace Notify.Workflows.Access;

/// <summary>Who created, changed, published, deleted or revoked what, when, and the change itself.</summary>
public sealed class AuditEntry
{
    public const int MaxDetail = 8000;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>created, changed, published, deleted, revoked.</summary>
    public string Action { get; private set; } = "";

    /// <summary>flow, template, contact, record-type, api-key.</summary>
    public string Subject { get; private set; } = "";

    public string SubjectKey { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public static AuditEntry Write(string actor, string action, string subject, string subjectKey, string detail, DateTime at) => new()
    {
        Actor = actor, Action = action, Subject = subject, SubjectKey = subjectKey, At = at,
        Detail = detail.Length > MaxDetail ? detail[..MaxDetail] + "…" : detail,
    };
}
