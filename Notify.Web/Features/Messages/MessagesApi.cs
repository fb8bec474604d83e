using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Notify.Workflows.Messages;

namespace Notify.Web.Features.Messages;

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/messages", SendAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).RequireRateLimiting(Infrastructure.NotifyWebExtensions.IngestPolicy)
            .WithSummary("Send a message by hand to contacts, groups, email addresses or phone numbers (separated by ;), on SMS, email or in-app; "
                + "each recipient and channel is a delivery. A bad entry, or text over 1,500 characters, is a 400 naming it and sends nothing. "
                + "The Idempotency-Key header makes a repeat return the first answer.");
        return api;
    }

    private static async Task<Ok<ManualSendResult>> SendAsync(
        ManualMessage body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ManualSendService messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.SendAsync(body, idempotencyKey, ct));
}
