using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Definitions;

/// <summary>Saving drafts and publishing versions; the UI and the API both come through here.</summary>
public sealed class FlowService(
    IDbContextFactory<NotifyDbContext> dbFactory, FlowValidator validator, PublishedFlowCache cache, TimeProvider time, Access.AuditLog audit,
    RunEngine engine)
{
    public async Task<Flow?> FindAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Flows.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key && f.DeletedAt == null, ct);
    }

    public async Task<IReadOnlyList<Flow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Flows.AsNoTracking().Where(f => f.DeletedAt == null).OrderBy(f => f.Name).ToListAsync(ct);
    }

    public async Task<Flow> SaveDraftAsync(string key, FlowDefinition definition, CancellationToken ct)
    {
        Keys.Require(key, "key");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = (await db.Templates.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = validator.Validate(definition, templates);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        definition = definition.Normalized();
        var now = time.GetUtcNow().UtcDateTime;
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Key == key, ct);
        if (flow is null)
        {
            flow = Flow.Create(key, definition, now);
            db.Flows.Add(flow);
            audit.Record(db, "created", "flow", key, definition);
        }
        else
        {
            flow.SaveDraft(definition, now);
            audit.Record(db, "changed", "flow", key, definition);
        }

        await db.SaveChangesAsync(ct);
        return flow;
    }

    /// <summary>How many runs are waiting, for the question of what to do with them when the flow is disabled.</summary>
    public Task<int> CountWaitingRunsAsync(string key, CancellationToken ct) => engine.CountWaitingRunsAsync(key, ct);

    /// <summary>The flow starts no more runs; its waiting runs are cancelled when asked, else they finish. Answers how many were cancelled.</summary>
    public async Task<int> DisableAsync(string key, bool cancelWaiting, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await InUseAsync(db, key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        flow.Disable(now);
        var cancelled = cancelWaiting ? await engine.FlowStoppedAsync(db, key, "The flow was disabled; its waiting runs were cancelled.", now, ct) : 0;
        audit.Record(db, "disabled", "flow", key, cancelWaiting ? $"{cancelled} waiting runs cancelled" : "waiting runs left to finish");
        await engine.SaveAsync(db, ct);
        cache.Invalidate();
        return cancelled;
    }

    public async Task EnableAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await InUseAsync(db, key, ct);
        flow.Enable(time.GetUtcNow().UtcDateTime);
        audit.Record(db, "enabled", "flow", key, flow.PublishedVersion > 0 ? $"version {flow.PublishedVersion} starts runs again" : "not published yet");
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
    }

    /// <summary>Gone from lists and starting nothing; its waiting runs are cancelled. Versions, runs and deliveries keep their history.</summary>
    public async Task<int> DeleteAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await InUseAsync(db, key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        flow.Delete(now);
        var cancelled = await engine.FlowStoppedAsync(db, key, "The flow was deleted; its waiting runs were cancelled.", now, ct);
        audit.Record(db, "deleted", "flow", key, $"{cancelled} waiting runs cancelled");
        await engine.SaveAsync(db, ct);
        cache.Invalidate();
        return cancelled;
    }

    private static async Task<Flow> InUseAsync(NotifyDbContext db, string key, CancellationToken ct) =>
        await db.Flows.FirstOrDefaultAsync(f => f.Key == key && f.DeletedAt == null, ct) ?? throw new NotFoundException("Flow", key);

    /// <summary>How many deadline reminders of older versions are waiting, for the publish question.</summary>
    public Task<int> CountWaitingRemindersAsync(string key, CancellationToken ct) => engine.CountWaitingRemindersAsync(key, ct);

    /// <summary>Publishes the draft as a new version. Running runs finish on their version; waiting reminders move if asked.</summary>
    public async Task<PublishResult> PublishAsync(string key, bool moveWaitingReminders, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await InUseAsync(db, key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var templates = (await db.Templates.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var draft = flow.Draft();
        var errors = validator.Validate(draft, templates);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        foreach (var old in await db.FlowVersions.Where(v => v.FlowKey == key && v.IsCurrent).ToListAsync(ct))
        {
            old.Supersede();
        }

        var version = flow.Publish(now);
        db.FlowVersions.Add(version);
        var moved = await engine.VersionPublishedAsync(db, new PublishedFlow(version.Id, key, version.Version, true, draft), moveWaitingReminders, now, ct);
        audit.Record(db, "published", "flow", key, $"version {version.Version}" + (moved > 0 ? $"; {moved} waiting reminders moved to it" : ""));

        await engine.SaveAsync(db, ct);
        cache.Invalidate();
        return new PublishResult(version.Version, moved);
    }

    /// <summary>Every published version, newest first, with who published it (from the audit log) and what it does.</summary>
    public async Task<IReadOnlyList<FlowVersionSummary>> VersionsAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Flows.AnyAsync(f => f.Key == key, ct))
        {
            throw new NotFoundException("Flow", key);
        }

        var versions = await db.FlowVersions.AsNoTracking().Where(v => v.FlowKey == key).OrderByDescending(v => v.Version).ToListAsync(ct);
        var publishes = await db.Audit.AsNoTracking().Where(a => a.Subject == "flow" && a.SubjectKey == key && a.Action == "published").ToListAsync(ct);
        var definitions = versions.ToDictionary(v => v.Version, v => v.Definition());
        return versions.Select(v => new FlowVersionSummary(v.Version, v.PublishedAt,
                publishes.FirstOrDefault(a => a.Detail == $"version {v.Version}" || a.Detail.StartsWith($"version {v.Version};", StringComparison.Ordinal))?.Actor ?? "unknown",
                Describe(definitions[v.Version]), v.IsCurrent, FlowDiff.Between(definitions.GetValueOrDefault(v.Version - 1), definitions[v.Version])))
            .ToList();
    }

    /// <summary>One published version's definition.</summary>
    public async Task<FlowDefinition> VersionAsync(string key, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.FlowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FlowKey == key && v.Version == version, ct)
            ?? throw new NotFoundException("Flow version", $"{key} {version}");
        return stored.Definition();
    }

    /// <summary>Makes a published version the draft again; publishing it then takes a publish back.</summary>
    public async Task<Flow> RestoreAsync(string key, int version, CancellationToken ct)
    {
        var definition = await VersionAsync(key, version, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await InUseAsync(db, key, ct);
        flow.SaveDraft(definition, time.GetUtcNow().UtcDateTime);
        audit.Record(db, "restored", "flow", key, $"version {version} is the draft again");
        await db.SaveChangesAsync(ct);
        return flow;
    }

    private static string Describe(FlowDefinition flow) =>
        string.Join("; ", [FlowDescriber.Triggers(flow), .. flow.Steps.Select(FlowDescriber.Step)]);
}
