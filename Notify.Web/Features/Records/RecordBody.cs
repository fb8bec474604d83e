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

    /// <summary>Contacts by role: a contact key, or a list of keys (<c>"notification-recipient": ["lise", "ola"]</c>).</summary>
    public Dictionary<string, JsonElement>? Contacts { get; init; }

    /// <summary>Other records this one belongs to, as <c>type/key</c> (<c>"customer": "customer/ACME"</c>); their contacts are reached with <c>link:customer/ROLE</c>.</summary>
    public Dictionary<string, string>? Links { get; init; }

    public Dictionary<string, JsonElement>? Data { get; init; }
}
