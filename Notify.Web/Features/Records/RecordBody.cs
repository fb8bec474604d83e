using System.Text.Json;

namespace Notify.Web.Features.Records;

/// <summary>The JSON body of <c>PUT /api/v1/records/{type}/{key}</c>.</summary>
public sealed record RecordBody
{
    public string? Status { get; init; }

    public string? Title { get; init; }

    /// <summary>ISO 8601 with an offset, e.g. <c>2026-11-24T12:00:00+01:00</c>.</summary>
    public string? Deadline { get; init; }

    public List<string>? Assignees { get; init; }

    public Dictionary<string, string>? Contacts { get; init; }

    public Dictionary<string, JsonElement>? Data { get; init; }
}
