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
        return api;
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
