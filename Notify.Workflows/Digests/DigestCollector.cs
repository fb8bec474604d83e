using System.Text.Json;
using Notify.Domain.Messaging;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Digests;

/// <summary>Turns what a digest send step decided for one person and channel into an item of that person's open digest (or a new one).</summary>
internal static class DigestCollector
{
    public static async Task<DigestItem> CollectAsync(
        StepContext context, string stepId, DigestDefinition digest, TemplateRenderer renderer, IReadOnlyDictionary<string, object?> model,
        DeliveryDraft draft, string? language, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(digest.Key) ? "" : renderer.Render(digest.Key, model).Trim();
        var bucket = $"{context.FlowKey}|{stepId}|{draft.ContactKey ?? draft.Address}|{draft.Channel.ToName()}|{key}";
        var due = await context.Reads.OpenDigestDueAsync(bucket, ct) ?? digest.DueAfter(context.Now, context.Calendar, context.Zone);
        return new DigestItem
        {
            Id = Guid.NewGuid(),
            BucketKey = bucket,
            RunId = context.RunId,
            FlowKey = context.FlowKey,
            StepId = stepId,
            RecordType = draft.RecordType,
            RecordKey = draft.RecordKey,
            ContactKey = draft.ContactKey,
            RecipientName = draft.RecipientName,
            Channel = draft.Channel,
            Address = draft.Address,
            TemplateKey = draft.TemplateKey ?? "",
            Language = language,
            ModelJson = JsonSerializer.Serialize(model),
            CreatedAt = context.Now,
            DueAt = due,
        };
    }
}
