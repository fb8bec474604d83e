using System.Text.Json;

namespace Notify.Workflows.Ingest;

/// <summary>A custom event a host system posts about a record, e.g. <c>booking.confirmed</c>.</summary>
public sealed record CustomEvent(string Type, string RecordType, string RecordKey, IReadOnlyDictionary<string, JsonElement> Data);
