using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Channels.Webhooks;

/// <summary>
/// The webhook endpoints admins set up on the Channels page. Secrets are encrypted before they reach the database and
/// decrypted only to sign a call; what pages see says only that one is set.
/// </summary>
public sealed class WebhookEndpoints(
    IDbContextFactory<NotifyDbContext> dbFactory, IDataProtectionProvider protection, IOptions<WebhookOptions> options, Access.AuditLog audit, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly IDataProtector _protector = protection.CreateProtector("Notify.WebhookSecrets.v1");
    private (IReadOnlyList<WebhookEndpointView> All, DateTime At)? _cache;

    /// <summary>Every endpoint, by name; read at most every few seconds, so the flow checks can ask often.</summary>
    public IReadOnlyList<WebhookEndpointView> All()
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_cache is { } cache && now - cache.At < CacheFor && now >= cache.At)
        {
            return cache.All;
        }

        using var db = dbFactory.CreateDbContext();
        var all = db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Name).Select(e => new WebhookEndpointView(e.Key, e.Name, e.Url)).ToList();
        _cache = (all, now);
        return all;
    }

    /// <summary>Where to POST for <paramref name="key"/> and the secret to sign with, or null when there is no such endpoint.</summary>
    internal async Task<(string Url, string Secret)?> TargetAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, ct);
        return endpoint is null ? null : (endpoint.Url, _protector.Unprotect(endpoint.SecretProtected));
    }

    /// <summary>Adds or changes an endpoint; a secret left empty keeps the one it had (a new endpoint must have one).</summary>
    public async Task SaveAsync(string key, string name, string url, string? secret, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Key == key, ct);
        var errors = new List<FieldError>();
        if (!Keys.IsValid(key)) errors.Add(new("key", "is required: letters, digits, '-', '_' or '.'."));
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) errors.Add(new("name", "is required (at most 200 characters)."));
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            errors.Add(new("url", "must be an absolute http or https URL."));
        else if (!options.Value.Allows(uri))
            errors.Add(new("url", $"'{uri.Host}' is not an allowed host: add it to Notify__Webhooks__AllowedHosts first."));
        if (endpoint is null && string.IsNullOrEmpty(secret)) errors.Add(new("secret", "is required: the receiver checks each call's signature with it."));
        else if (secret is { Length: > 0 and < 16 }) errors.Add(new("secret", "must be at least 16 characters."));
        if (errors.Count > 0) throw new ValidationException(errors);

        if (endpoint is null)
        {
            endpoint = new WebhookEndpoint { Id = Guid.NewGuid(), Key = key };
            db.WebhookEndpoints.Add(endpoint);
        }

        (endpoint.Name, endpoint.Url, endpoint.UpdatedAt) = (name.Trim(), uri!.ToString(), time.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrEmpty(secret)) endpoint.SecretProtected = _protector.Protect(secret);
        audit.Record(db, "changed", "webhook", key, new { name = endpoint.Name, url = endpoint.Url, secretChanged = !string.IsNullOrEmpty(secret) });
        await db.SaveChangesAsync(ct);
        _cache = null;
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Key == key, ct) ?? throw new NotFoundException("Webhook", key);
        db.WebhookEndpoints.Remove(endpoint);
        audit.Record(db, "deleted", "webhook", key, new { name = endpoint.Name });
        await db.SaveChangesAsync(ct);
        _cache = null;
    }
}

/// <summary>An endpoint as pages and checks see it: never its secret.</summary>
public sealed record WebhookEndpointView(string Key, string Name, string Url);
