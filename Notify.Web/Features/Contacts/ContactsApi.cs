using Microsoft.AspNetCore.Http.HttpResults;

namespace Notify.Web.Features.Contacts;

public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/contacts/{key}", UpsertAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).WithSummary("Create or replace a person.");
        api.MapGet("/contacts/{key}", GetAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("A person.");
        api.MapDelete("/contacts/{key}", DeleteAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest).WithSummary("Remove a person.");
        api.MapGet("/contacts/{key}/consent-history", async (string key, ContactService contacts, CancellationToken ct) =>
            TypedResults.Ok(await contacts.ConsentHistoryAsync(key, ct))).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("The consent ledger: who changed which channel's consent, when and how.");
        api.MapGet("/contacts/{key}/message-choices", async (string key, ContactService contacts, CancellationToken ct) =>
            TypedResults.Ok(await contacts.FlowChoicesAsync(key, ct))).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("Which live flows a person gets messages from, and which they turned off.");
        api.MapPut("/contacts/{key}/message-choices", SetChoicesAsync).RequireAuthorization(Infrastructure.ApiPolicies.Ingest)
            .WithSummary("Set the flows a person does not want messages from (e.g. from a customer portal); required flows cannot be turned off.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FlowChoice>>> SetChoicesAsync(
        string key, MessageChoicesBody body, ContactService contacts, CancellationToken ct)
    {
        if (body.MutedFlows is null)
        {
            throw new Notify.Domain.Common.ValidationException("mutedFlows", "is required: the flow keys the person does not want messages from ([] for none).");
        }

        await contacts.SetMutedFlowsAsync(key, body.MutedFlows, ct);
        return TypedResults.Ok(await contacts.FlowChoicesAsync(key, ct));
    }

    private static async Task<Results<Ok<ContactView>, Created<ContactView>>> UpsertAsync(
        string key, ContactBody body, ContactService contacts, CancellationToken ct)
    {
        var (contact, created) = await contacts.UpsertAsync(key, body.ToDetails(), ct);
        return created ? TypedResults.Created($"/api/v1/contacts/{Uri.EscapeDataString(key)}", contact) : TypedResults.Ok(contact);
    }

    private static async Task<Results<Ok<ContactView>, ProblemHttpResult>> GetAsync(string key, ContactService contacts, CancellationToken ct) =>
        await contacts.GetAsync(key, ct) is { } c ? TypedResults.Ok(c) : TypedResults.Problem($"There is no contact '{key}'.", statusCode: 404);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string key, ContactService contacts, CancellationToken ct) =>
        await contacts.DeleteAsync(key, ct) ? TypedResults.NoContent() : TypedResults.Problem($"There is no contact '{key}'.", statusCode: 404);
}

/// <summary><c>{ "mutedFlows": ["task-due-soon"] }</c>: every flow not listed sends as usual.</summary>
public sealed record MessageChoicesBody(IReadOnlyList<string>? MutedFlows);
