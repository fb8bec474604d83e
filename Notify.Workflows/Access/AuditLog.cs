using System.Text.Json;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Access;

/// <summary>Adds audit lines to the same unit of work as the change they describe, so one is never saved without the other.</summary>
public sealed class AuditLog(IActorAccessor actor, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public void Record(NotifyDbContext db, string action, string subject, string subjectKey, object? change = null) =>
        db.Audit.Add(AuditEntry.Write(actor.Current, action, subject, subjectKey,
            change switch { null => "", string text => text, _ => JsonSerializer.Serialize(change, Json) },
            time.GetUtcNow().UtcDateTime));
}
