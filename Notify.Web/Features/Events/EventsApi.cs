using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Notify.Workflows.Ingest;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).RequireRateLimiting(Infrastructure.NotifyWebExtensions.IngestPolicy).WithSummary("Record a custom event on a record; the Idempotency-Key header (or the body's key) makes repeats return the first answer.");
        api.MapGet("/events/{id:guid}/explain", ExplainAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("Which flows were considered for an event, and why each ran or not.");
        return api;
    }

    private static async Task<Results<Ok<EventExplanation>, ProblemHttpResult>> ExplainAsync(Guid id, EventExplainer explainer, CancellationToken ct) =>
        await explainer.ExplainAsync(id, ct) is { } explanation
            ? TypedResults.Ok(explanation)
            : TypedResults.Problem($"There is no event {id}.", statusCode: 404);

    private static async Task<Ok<EventSummary>> PostAsync(
        EventBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IngestService ingest, CancellationToken ct)
    {
        var request = new CustomEvent(body.Type ?? "", body.Record?.Type ?? "", body.Record?.Key ?? "", body.Data ?? []);
        return TypedResults.Ok(await ingest.PostEventAsync(request, idempotencyKey ?? body.Key, ct));
    }
}
