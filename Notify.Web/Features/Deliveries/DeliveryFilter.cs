using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>What support staff filter the send log by. Every filter is optional.</summary>
public sealed record DeliveryFilter
{
    public Channel? Channel { get; init; }

    public DeliveryStatus? Status { get; init; }

    /// <summary>A contact key, or part of an address or name.</summary>
    public string? Recipient { get; init; }

    public string? RecordType { get; init; }

    public string? RecordKey { get; init; }

    public string? Flow { get; init; }

    /// <summary>A phone number, written any way (spaces, without the country code), or some of its digits.</summary>
    public string? Phone { get; init; }

    /// <summary>Searched in subject, body, address and name.</summary>
    public string? Text { get; init; }

    /// <summary>"sandbox" for the sandbox outbox; "smtp", "twilio", "in-app".</summary>
    public string? Provider { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public int Page { get; init; }

    /// <summary>The page after this one (keyset paging): faster than a page number deep into a long list.</summary>
    public DeliveryCursor? After { get; init; }

    /// <summary>Text filters read every row instead of the search index, as before it: what the index is tested and measured against.</summary>
    public bool ByScan { get; init; }

    public int PageSize { get; init; } = 25;

    /// <summary>Whether it filters by nothing but the texts it searches (recipient, phone, text).</summary>
    public bool SearchesOnly => Channel is null && Status is null && string.IsNullOrWhiteSpace(RecordType) && string.IsNullOrWhiteSpace(RecordKey)
        && string.IsNullOrWhiteSpace(Flow) && string.IsNullOrWhiteSpace(Provider) && From is null && To is null;
}
