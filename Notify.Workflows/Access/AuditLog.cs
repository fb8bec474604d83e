using System.Text.Json;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Access;

/// <summary>Adds audit lines to the same unit of work as the change they describe, so one is never saved without the other.</summary>
public sealed class AuditLog(IActorAccessor actor, TimeProvider time)
{
    /// <summary>Readable in the log: letters and quotes as they are (no \u0027), enums by name.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Record(NotifyDbContext db, string action, string subject, string subjectKey, object? change = null) =>
        db.Audit.Add(AuditEntry.Write(actor.Current, action, subject, subjectKey,
            change switch { null => "", string text => text, _ => JsonSerializer.Serialize(change, Json) },
            time.GetUtcNow().UtcDateTime));
}
