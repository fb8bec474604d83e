using Microsoft.EntityFrameworkCore;
using Notify.Domain.Templates;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Templates;

/// <summary>
/// The merge fields the palette offers for one template: the fixed ones, and the keys host systems actually put in
/// the data of recent records (of the record types whose flows use this template, or of every type when none do),
/// each with the kind of value seen.
/// </summary>
public sealed class MergeFieldCatalog(IDbContextFactory<NotifyDbContext> dbFactory)
{
    private const int Sample = 300;

    public async Task<IReadOnlyList<MergeField>> ForTemplateAsync(string templateKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = (await db.Flows.AsNoTracking().Select(f => f.DraftJson).ToListAsync(ct))
            .Select(Notify.Workflows.Definitions.FlowJson.Deserialize)
            .Where(f => f.Steps.OfType<Notify.Workflows.Steps.Send.SendStepDefinition>().Any(s => s.Template == templateKey))
            .SelectMany(f => f.AllTriggers.SelectMany(t => t.RecordTypes)).Distinct(StringComparer.Ordinal).ToList();
        var records = db.Records.AsNoTracking();
        if (types.Count > 0) records = records.Where(r => types.Contains(r.Type));
        var data = await records.OrderByDescending(r => r.UpdatedAt).Take(Sample).Select(r => r.DataJson).ToListAsync(ct);
        var seen = Notify.Domain.Common.JsonValueKinds.Keys(data);

        return MergeFields.All.Concat(seen.Select(kv => new MergeField("Record data", $"record.data.{kv.Key}", $"{kv.Key.Replace('_', ' ')} ({kv.Value})",
            kv.Value == "date" ? "date: '%d.%m %H:%M'" : null))).ToList();
    }
}
