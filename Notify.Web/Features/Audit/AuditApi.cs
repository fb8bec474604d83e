using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Web.Features.Deliveries;

namespace Notify.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Who created, changed, published, deleted or revoked which flow, template, contact, record type, key, setting or user, and when; each entry with the fields it changed (before and after). Filters: subject, actor, text, from, to.");
        return api;
    }

    private static async Task<Ok<PageOf<AuditRow>>> SearchAsync(
        AuditQueryService audit, CancellationToken ct, string? subject = null, string? actor = null, string? text = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 0, int pageSize = 50) =>
        TypedResults.Ok(await audit.SearchAsync(
            new AuditFilter { Subject = subject, Actor = actor, Text = text, From = from?.UtcDateTime, To = to?.UtcDateTime }, page, pageSize, ct));
}
