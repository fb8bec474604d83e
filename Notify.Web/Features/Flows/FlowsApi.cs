using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

public static class FlowsApi
{
    public static RouteGroupBuilder MapFlowsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/flows", async (FlowService flows, CancellationToken ct) =>
            TypedResults.Ok((await flows.ListAsync(ct)).Select(FlowView.From).ToList())).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("All flows.");
        api.MapGet("/flows/{key}", GetAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("A flow's definition as JSON (export).");
        api.MapPut("/flows/{key}", SaveAsync).Accepts<FlowDefinition>("application/json").RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Save a flow's draft from JSON (import); conditions are compiled and references checked.");
        api.MapPost("/flows/{key}/dry-run", DryRunAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("Runs the draft (or \"version\": n) on a stored record with no side effects: the path, the waits, every message and every skip.");
        api.MapPost("/flows/{key}/impact", async (string key, Notify.Workflows.Impact.ImpactRequest? request, Notify.Workflows.Impact.ImpactPreviewer previewer, CancellationToken ct) =>
                TypedResults.Ok(await previewer.PreviewAsync(key, request ?? new(), ct)))
            .RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("Replays the stored events of the last days (1–90, default 7) against the draft and the published version: runs, messages, SMS cost and people for each, who is newly or no longer reached, and the records most affected.");
        api.MapGet("/flows/{key}/versions", async (string key, FlowService flows, CancellationToken ct) => TypedResults.Ok(await flows.VersionsAsync(key, ct)))
            .RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("Every published version, newest first: when, by whom, and what it does in words.");
        api.MapGet("/flows/{key}/versions/{version:int}", async (string key, int version, FlowService flows, CancellationToken ct) => TypedResults.Ok(await flows.VersionAsync(key, version, ct)))
            .RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("One published version's definition.");
        api.MapPost("/flows/{key}/versions/{version:int}/restore", async (string key, int version, FlowService flows, CancellationToken ct) =>
                TypedResults.Ok(FlowView.From(await flows.RestoreAsync(key, version, ct))))
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Makes a published version the draft again (publish it to take a publish back).");
        api.MapPost("/flows/{key}/disable", async (string key, FlowService flows, CancellationToken ct, bool cancelWaiting = false) =>
                TypedResults.Ok(new FlowSwitched(key, true, false, await flows.DisableAsync(key, cancelWaiting, ct))))
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("The flow starts no more runs; cancelWaiting=true cancels its waiting runs, otherwise they finish.");
        api.MapPost("/flows/{key}/enable", async (string key, FlowService flows, CancellationToken ct) =>
            {
                await flows.EnableAsync(key, ct);
                return TypedResults.Ok(new FlowSwitched(key, false, false, 0));
            })
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("The flow's published version starts runs again.");
        api.MapDelete("/flows/{key}", async (string key, FlowService flows, CancellationToken ct) =>
                TypedResults.Ok(new FlowSwitched(key, true, true, await flows.DeleteAsync(key, ct))))
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Deletes the flow: gone from lists, starting nothing, its waiting runs cancelled; its versions, runs and deliveries keep their history.");
        api.MapPost("/flows/{key}/publish", PublishAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Publish the draft as a new version; moveWaitingReminders=true moves waiting deadline reminders to it.");
        return api;
    }

    private static async Task<Results<Ok<FlowView>, ProblemHttpResult>> GetAsync(string key, FlowService flows, CancellationToken ct) =>
        await flows.FindAsync(key, ct) is { } flow ? TypedResults.Ok(FlowView.From(flow)) : TypedResults.Problem($"There is no flow '{key}'.", statusCode: 404);

    private static async Task<Ok<FlowView>> SaveAsync(
        string key, HttpRequest request, FlowService flows, Microsoft.EntityFrameworkCore.IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext> dbFactory,
        CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("definition", out var exported))
        {
            root = exported;
        }

        var definition = root.Deserialize<FlowDefinition>(FlowJson.Options) ?? throw new JsonException("The flow definition is empty.");
        var saved = FlowView.From(await flows.SaveDraftAsync(key, definition, ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await Designer.DesignerPeople.LoadAsync(db, ct);
        return TypedResults.Ok(saved with
        {
            Warnings = people.NobodyIn(saved.Definition)
                .Select(n => new Notify.Domain.Common.FieldError($"steps[{n.StepIndex}].recipients[{n.RecipientIndex}]", n.Message)).ToList(),
        });
    }

    private static async Task<Ok<PublishResult>> PublishAsync(string key, FlowService flows, CancellationToken ct, bool moveWaitingReminders = false) =>
        TypedResults.Ok(await flows.PublishAsync(key, moveWaitingReminders, ct));

    private static async Task<Ok<Notify.Workflows.Runtime.DryRunResult>> DryRunAsync(
        string key, Notify.Workflows.Runtime.DryRunRequest request, Notify.Workflows.Runtime.DryRunner runner, CancellationToken ct) =>
        TypedResults.Ok(await runner.RunAsync(key, request, ct));
}
