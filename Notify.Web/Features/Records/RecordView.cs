using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Domain.Records;

namespace Notify.Web.Features.Records;

/// <summary>
/// A record as the API answers it: contacts by role (one key, or a list when a role names several), links to other
/// records as <c>type/key</c>, and the data as the object the host system sent.
/// </summary>
public sealed record RecordView(
    string Type, string Key, string Status, string Title, DateTime? Deadline, IReadOnlyList<string> Assignees,
    IReadOnlyDictionary<string, object> Contacts, IReadOnlyDictionary<string, string> Links, JsonObject Data)
{
    public static RecordView Of(RecordSnapshot r) => new(
        r.Type, r.Key, r.Status, r.Title, r.Deadline, r.Assignees,
        r.Contacts.ToDictionary(kv => kv.Key, kv => RoleContacts.Show(kv.Value)),
        r.Links, JsonNode.Parse(string.IsNullOrWhiteSpace(r.DataJson) ? "{}" : r.DataJson) as JsonObject ?? []);
}

/// <summary>The answer to a record upsert: whether it was new, the record as stored, and the events it derived.</summary>
public sealed record UpsertAnswer(bool Created, RecordView Record, IReadOnlyList<Notify.Workflows.Ingest.EventSummary> Events)
{
    public static UpsertAnswer Of(Notify.Workflows.Ingest.UpsertResult result) => new(result.Created, RecordView.Of(result.Record), result.Events);
}

/// <summary>The answer to <c>GET /records/{type}/{key}</c>.</summary>
public sealed record RecordAnswer(
    RecordView Record, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<RecordEventRow> Events, IReadOnlyList<Runs.RunRow> Runs,
    IReadOnlyList<Deliveries.DeliveryRow> Deliveries, IReadOnlyList<RecordReplyRow> Replies, OlderHistory? OlderHistory)
{
    public static RecordAnswer Of(RecordDetails d) =>
        new(RecordView.Of(d.Record), d.CreatedAt, d.UpdatedAt, d.Events, d.Runs, d.Deliveries, d.Replies, d.OlderHistory);
}
