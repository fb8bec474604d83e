namespace Notify.Web.Features.Audit;

/// <summary>What the audit log is searched by; every filter is optional. Dates are UTC, <see cref="To"/> exclusive.</summary>
public sealed record AuditFilter
{
    /// <summary>flow, template, contact, record-type, api-key, setting, user, delivery, message.</summary>
    public string? Subject { get; init; }

    /// <summary>Part of who made the change: an email, a key's name, "system".</summary>
    public string? Actor { get; init; }

    /// <summary>Part of the thing's key, of who made the change, or of the change.</summary>
    public string? Text { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }
}
