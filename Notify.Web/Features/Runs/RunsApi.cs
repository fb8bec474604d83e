using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Domain.Common;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Runs;

public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs", SearchAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("Runs, newest first; filter by flow, status and record key.");
        api.MapGet("/runs/{id:guid}", GetAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("One run with its journal and deliveries.");
        api.MapPost("/runs/{id:guid}/retry", RetryAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Tries a faulted run again from the step where it stopped.");
        api.MapPost("/runs/{id:guid}/cancel", CancelAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Cancels a run that is waiting, running or faulted.");
        return api;
    }

    private static async Task<Ok<RunDetails>> RetryAsync(Guid id, RunEngine engine, RunQueryService runs, Notify.Workflows.Access.IActorAccessor actor, CancellationToken ct)
    {
        await engine.RetryAsync(id, actor.Current, ct);
        return TypedResults.Ok((await runs.GetAsync(id, ct))!);
    }

    private static async Task<Ok<RunDetails>> CancelAsync(Guid id, RunEngine engine, RunQueryService runs, Notify.Workflows.Access.IActorAccessor actor, CancellationToken ct)
    {
        await engine.CancelAsync(id, actor.Current, ct);
        return TypedResults.Ok((await runs.GetAsync(id, ct))!);
    }

    private static async Task<Ok<PageOf<RunRow>>> SearchAsync(
        RunQueryService runs, CancellationToken ct, string? flow = null, string? status = null, string? record = null, int page = 0, int pageSize = 25)
    {
        RunStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, true, out var s) || int.TryParse(status, out _))
                throw new ValidationException("status", $"must be one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
            parsed = s;
        }

        if (pageSize is < 1 or > 500) throw new ValidationException("pageSize", "must be between 1 and 500.");
        return TypedResults.Ok(await runs.SearchAsync(flow, parsed, record, page, pageSize, ct));
    }

    private static async Task<Results<Ok<RunDetails>, ProblemHttpResult>> GetAsync(Guid id, RunQueryService runs, CancellationToken ct) =>
        await runs.GetAsync(id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.Problem($"There is no run {id}.", statusCode: 404);
}
