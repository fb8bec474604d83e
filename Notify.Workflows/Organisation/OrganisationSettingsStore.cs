using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Workflows.Access;
using Notify.Workflows.Channels;
using Notify.Workflows.Channels.Email;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Organisation;

/// <summary>
/// The company details in force: those an admin saved on the Organisation page where set, else the configuration
/// (<c>Notify:Branding</c>). Templates see them as <c>company.*</c>, the email layout shows the name and logo, and
/// the public URL makes <c>record.link</c>. Kept in the settings table's organisation row; re-read every few seconds
/// so every node follows a change.
/// </summary>
public sealed class OrganisationSettingsStore(
    IDbContextFactory<NotifyDbContext> dbFactory, IOptions<BrandingOptions> config, AuditLog audit, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private (BrandingOptions Branding, OrganisationSettings Saved, DateTimeOffset At)? _current;

    /// <summary>The company as messages and the email layout use it now.</summary>
    public BrandingOptions Branding => Current().Branding;

    /// <summary>What an admin saved (empty fields are not overridden).</summary>
    public OrganisationSettings Saved => Current().Saved;

    public async Task SaveAsync(OrganisationSettings input, CancellationToken ct)
    {
        var cleaned = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ChannelSettings.FirstOrDefaultAsync(s => s.Id == StoredChannelSettings.OrganisationRowId, ct);
        if (row is null)
        {
            row = new StoredChannelSettings { Id = StoredChannelSettings.OrganisationRowId };
            db.ChannelSettings.Add(row);
        }

        row.Json = JsonSerializer.Serialize(cleaned, Json);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, "changed", "setting", "organisation", cleaned);
        await db.SaveChangesAsync(ct);
        _current = null;
    }

    private (BrandingOptions Branding, OrganisationSettings Saved, DateTimeOffset At) Current()
    {
        if (_current is { } current && time.GetUtcNow() - current.At < MaxAge)
        {
            return current;
        }

        using var db = dbFactory.CreateDbContext();
        var row = db.ChannelSettings.AsNoTracking().FirstOrDefault(s => s.Id == StoredChannelSettings.OrganisationRowId);
        var saved = row is null ? new OrganisationSettings() : JsonSerializer.Deserialize<OrganisationSettings>(row.Json, Json) ?? new OrganisationSettings();
        var c = config.Value;
        var branding = new BrandingOptions
        {
            CompanyName = saved.Name ?? c.CompanyName, Phone = saved.Phone ?? c.Phone, Email = saved.Email ?? c.Email,
            Address = saved.Address ?? c.Address, LogoUrl = saved.LogoUrl ?? c.LogoUrl, PublicUrl = saved.PublicUrl ?? c.PublicUrl,
        };
        _current = (branding, saved, time.GetUtcNow());
        return _current.Value;
    }

    private static OrganisationSettings Validate(OrganisationSettings input)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var errors = new List<FieldError>();
        var cleaned = new OrganisationSettings(Blank(input.Name), Blank(input.Phone), Blank(input.Email), Blank(input.Address), Blank(input.LogoUrl), Blank(input.PublicUrl));
        if (cleaned.Name is { Length: > 100 }) errors.Add(new("name", "must be at most 100 characters."));
        if (cleaned.Address is { Length: > 300 }) errors.Add(new("address", "must be at most 300 characters."));
        if (cleaned.Phone is { Length: > 40 }) errors.Add(new("phone", "must be at most 40 characters."));
        if (cleaned.Email is not null && !EmailAddressRules.TryNormalize(cleaned.Email, out _, out var emailError)) errors.Add(new("email", emailError));
        foreach (var (field, url) in new[] { ("logoUrl", cleaned.LogoUrl), ("publicUrl", cleaned.PublicUrl) })
        {
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
                errors.Add(new(field, "must be a full web address starting with https://."));
        }

        if (errors.Count > 0) throw new ValidationException(errors);
        return cleaned;
    }
}
