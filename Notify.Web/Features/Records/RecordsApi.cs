using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Workflows.Ingest;

namespace Notify.Web.Features.Records;

public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/records/{type}/{key}", UpsertAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).RequireRateLimiting(Infrastructure.NotifyWebExtensions.IngestPolicy).WithSummary("Upsert a record's state; answers with the events it derived.");
        api.MapGet("/records/{type}/{key}", GetAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("A record with its events, runs and deliveries.");
        api.MapDelete("/records/{type}/{key}", DeleteAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).WithSummary("Delete a record; its waiting reminders are cancelled, its history stays.");
        api.MapPut("/record-types/{type}", SaveTypeAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Declare a record type and which of its statuses count as done.");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string type, string key, IngestService ingest, CancellationToken ct) =>
        await ingest.DeleteRecordAsync(type, key, ct) ? TypedResults.NoContent() : TypedResults.Problem($"There is no {type} record '{key}'.", statusCode: 404);

    private static async Task<Ok<RecordTypeBody>> SaveTypeAsync(string type, RecordTypeBody body, IngestService ingest, CancellationToken ct)
    {
        var saved = await ingest.SaveRecordTypeAsync(type, body.Name, body.DoneStatuses ?? [], ct, body.ContactRoles);
        return TypedResults.Ok(new RecordTypeBody(saved.Name, saved.DoneStatuses, saved.ContactRoles));
    }

    private static async Task<Ok<UpsertAnswer>> UpsertAsync(string type, string key, RecordBody body, IngestService ingest, CancellationToken ct) =>
        TypedResults.Ok(UpsertAnswer.Of(await ingest.UpsertRecordAsync(type, key, RecordBodyMapper.ToState(body), ct)));

    private static async Task<Results<Ok<RecordAnswer>, ProblemHttpResult>> GetAsync(
        string type, string key, RecordQueryService records, CancellationToken ct) =>
        await records.GetAsync(type, key, ct) is { } details
            ? TypedResults.Ok(RecordAnswer.Of(details))
            : TypedResults.Problem($"There is no {type} record '{key}'.", statusCode: 404);
}
