using System.Text.Json;

namespace Notify.Web.Features.Events;

/// <summary>The JSON body of <c>POST /api/v1/events</c>.</summary>
public sealed record EventBody
{
    public string? Type { get; init; }

    public EventRecordRef? Record { get; init; }

    public Dictionary<string, JsonElement>? Data { get; init; }

    /// <summary>The event's own key; used as the idempotency key when no header is sent.</summary>
    public string? Key { get; init; }
}

public sealed record EventRecordRef(string? Type, string? Key);
