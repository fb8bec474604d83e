using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Who created, changed, published, deleted or revoked which flow, template, contact, record type or key, and when.");
        return api;
    }

    private static async Task<Ok<PageOf<AuditEntry>>> SearchAsync(
        AuditQueryService audit, CancellationToken ct, string? subject = null, string? text = null, int page = 0, int pageSize = 50) =>
        TypedResults.Ok(await audit.SearchAsync(subject, text, page, pageSize, ct));
}
