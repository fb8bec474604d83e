using Microsoft.AspNetCore.Http.HttpResults;

namespace Notify.Web.Features.Templates;

public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", async (TemplateService templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct))).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("All templates.");
        api.MapGet("/templates/{key}", GetAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read).WithSummary("A template as JSON.");
        api.MapPut("/templates/{key}", SaveAsync).RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Create or replace a template; Liquid errors are answered with their position.");
        api.MapPost("/templates/{key}/preview", PreviewAsync).RequireAuthorization(Infrastructure.ApiPolicies.Read)
            .WithSummary("The template rendered on a stored record for a contact, per channel, with the SMS encoding, segments and warnings; nothing is sent.");
        return api;
    }

    private static async Task<Ok<TemplatePreview>> PreviewAsync(string key, PreviewRequest request, TemplatePreviewService previews, CancellationToken ct) =>
        TypedResults.Ok(await previews.PreviewAsync(key, request, ct));

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetAsync(string key, TemplateService templates, CancellationToken ct) =>
        await templates.GetAsync(key, ct) is { } t ? TypedResults.Ok(t) : TypedResults.Problem($"There is no template '{key}'.", statusCode: 404);

    private static async Task<Results<Ok<TemplateView>, Created<TemplateView>>> SaveAsync(
        string key, TemplateBody body, TemplateService templates, CancellationToken ct)
    {
        var (template, created) = await templates.SaveAsync(key, body, ct);
        return created ? TypedResults.Created($"/api/v1/templates/{Uri.EscapeDataString(key)}", template) : TypedResults.Ok(template);
    }
}
