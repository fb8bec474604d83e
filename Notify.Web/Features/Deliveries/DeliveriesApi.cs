using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Domain.Common;
using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/deliveries", SearchAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("Deliveries, newest first; filter by channel, status, recipient, record, flow, text and time. The total stops at 10,000 (totalIsCapped); for the next page pass the answer's next as after.");
        api.MapGet("/deliveries/{id:guid}", DetailsAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("One delivery with every attempt made at it: when, how it ended, what the provider answered and what happened next.");
        return api;
    }

    private static async Task<Ok<DeliveryDetails>> DetailsAsync(Guid id, DeliveryQueryService deliveries, CancellationToken ct) =>
        TypedResults.Ok(await deliveries.DetailsAsync(id, ct) ?? throw new NotFoundException("Delivery", id.ToString()));

    private static async Task<Ok<PageOf<DeliveryRow>>> SearchAsync(
        DeliveryQueryService deliveries, CancellationToken ct,
        string? channel = null, string? status = null, string? recipient = null, string? recordType = null, string? recordKey = null,
        string? flow = null, string? text = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 0, int pageSize = 25, string? after = null)
    {
        var errors = new List<FieldError>();
        Channel? parsedChannel = null;
        if (channel is not null)
        {
            if (ChannelNames.TryParse(channel, out var c)) parsedChannel = c;
            else errors.Add(new FieldError("channel", "must be sms, email or inApp."));
        }

        DeliveryStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<DeliveryStatus>(status, true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors.Add(new FieldError("status", $"must be one of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}."));
        }

        if (page < 0) errors.Add(new FieldError("page", "must be 0 or more."));
        DeliveryCursor? cursor = null;
        if (after is not null && !DeliveryCursor.TryParse(after, out cursor))
        {
            errors.Add(new FieldError("after", "must be the 'next' of an earlier page."));
        }
        else if (after is not null && page != 0)
        {
            errors.Add(new FieldError("page", "cannot be given with 'after': the page after a cursor is the next one."));
        }

        if (pageSize is < 1 or > DeliveryQueryService.MaxPageSize) errors.Add(new FieldError("pageSize", $"must be between 1 and {DeliveryQueryService.MaxPageSize}."));
        if (errors.Count > 0) throw new ValidationException(errors);

        var filter = new DeliveryFilter
        {
            Channel = parsedChannel, Status = parsedStatus, Recipient = recipient, RecordType = recordType, RecordKey = recordKey,
            Flow = flow, Text = text, From = from?.UtcDateTime, To = to?.UtcDateTime, Page = page, PageSize = pageSize, After = cursor,
        };
        return TypedResults.Ok(await deliveries.SearchAsync(filter, ct));
    }
}
