using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Workflows.Ingest;

namespace Notify.Web.Features.Records;

public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/records/{type}/{key}", UpsertAsync).WithSummary("Upsert a record's state; answers with the events it derived.");
        api.MapGet("/records/{type}/{key}", GetAsync).WithSummary("A record with its events, runs and deliveries.");
        return api;
    }

    private static async Task<Ok<UpsertResult>> UpsertAsync(string type, string key, RecordBody body, IngestService ingest, CancellationToken ct) =>
        TypedResults.Ok(await ingest.UpsertRecordAsync(type, key, RecordBodyMapper.ToState(body), ct));

    private static async Task<Results<Ok<RecordDetails>, ProblemHttpResult>> GetAsync(
        string type, string key, RecordQueryService records, CancellationToken ct) =>
        await records.GetAsync(type, key, ct) is { } details
            ? TypedResults.Ok(details)
            : TypedResults.Problem($"There is no {type} record '{key}'.", statusCode: 404);
}
