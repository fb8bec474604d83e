using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Parsed flow versions: versions never change once published, so each is parsed once. The list of
/// current versions is re-read after a publish on this node, and at least every few seconds for others.
/// </summary>
public sealed class PublishedFlowCache(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, PublishedFlow> _versions = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<PublishedFlow> _current = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<PublishedFlow>> CurrentAsync(CancellationToken ct)
    {
        if (time.GetUtcNow() - _loadedAt < MaxAge)
        {
            return _current;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() - _loadedAt >= MaxAge)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var rows = await db.FlowVersions.AsNoTracking()
                    .Where(v => v.IsCurrent && db.Flows.Any(f => f.Key == v.FlowKey && !f.Disabled)).ToListAsync(ct); // a disabled flow starts nothing
                _current = rows.Select(v => _versions.GetOrAdd(v.Id, _ => new PublishedFlow(v.Id, v.FlowKey, v.Version, true, v.Definition())))
                    .OrderBy(f => f.FlowKey, StringComparer.Ordinal).ToList();
                _loadedAt = time.GetUtcNow();
            }

            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<PublishedFlow?> GetVersionAsync(Guid versionId, CancellationToken ct)
    {
        if (_versions.TryGetValue(versionId, out var flow))
        {
            return flow;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.FlowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        return row is null ? null : _versions.GetOrAdd(row.Id, _ => new PublishedFlow(row.Id, row.FlowKey, row.Version, row.IsCurrent, row.Definition()));
    }

    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;
}
