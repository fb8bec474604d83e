using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Access;

/// <summary>Creates, lists, checks and revokes API keys.</summary>
public sealed class ApiKeyService(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, AuditLog audit)
{
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    public async Task<(ApiKey Key, string PlainText)> CreateAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors.Add(new FieldError("name", "is required (at most 100 characters)."));
        if (scopes.Count == 0) errors.Add(new FieldError("scopes", "choose at least one: ingest, read or admin."));
        errors.AddRange(scopes.Where(s => !ApiKeyScope.All.Contains(s)).Select(s => new FieldError("scopes", $"'{s}' is not a scope: ingest, read or admin.")));
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var created = ApiKey.Create(name, scopes, time.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(created.Key);
        audit.Record(db, "created", "api-key", created.Key.Name, new { created.Key.Prefix, created.Key.Scopes });
        await db.SaveChangesAsync(ct);
        return created;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return false;
        }

        key.Revoke(time.GetUtcNow().UtcDateTime);
        audit.Record(db, "revoked", "api-key", key.Name, new { key.Prefix });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active key this plain text belongs to, or null. Notes when it was used (to the minute).</summary>
    public async Task<ApiKey?> CheckAsync(string plainText, CancellationToken ct)
    {
        if (!ApiKey.TrySplit(plainText, out var prefix, out var secret))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || !key.IsActive || !key.Matches(secret))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > UsageResolution)
        {
            key.MarkUsed(now);
            await db.SaveChangesAsync(ct);
        }

        return key;
    }
}
