using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging.Sms;
using Notify.Workflows.Access;
using Notify.Workflows.Channels.Email;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Channels;

/// <summary>
/// The channel settings in force: those saved in the app where set, else the configuration. Secrets are decrypted
/// only here, in memory, and never leave it: <see cref="Describe"/> says only whether one is set.
/// </summary>
public sealed class ChannelSettingsStore(
    IDbContextFactory<NotifyDbContext> dbFactory, IDataProtectionProvider protection, IOptions<SmtpOptions> smtpConfig,
    IOptions<SmsOptions> smsConfig, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = protection.CreateProtector("Notify.ChannelSecrets.v1");
    private (SmtpOptions Smtp, SmsOptions Sms)? _current;

    public int Version { get; private set; }

    public SmtpOptions Smtp => Current().Smtp;

    public SmsOptions Sms => Current().Sms;

    public ChannelSettingsView Describe() => new(
        Smtp.Host, Smtp.Port, Smtp.UserName, !string.IsNullOrEmpty(Smtp.Password), Smtp.Security, Smtp.From, Smtp.SafeToResend,
        Sms.Twilio.AccountSid, !string.IsNullOrEmpty(Sms.Twilio.AuthToken), Sms.Twilio.From, Sms.Twilio.MessagingServiceSid, Sms.Twilio.BaseUrl, Sms.SenderName,
        Sms.PricePerSegment, Sms.Currency);

    public async Task SaveAsync(ChannelSettingsInput input, CancellationToken ct)
    {
        input = input with { SmsCurrency = string.IsNullOrWhiteSpace(input.SmsCurrency) ? null : input.SmsCurrency.Trim().ToUpperInvariant() };
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ChannelSettings.FirstOrDefaultAsync(s => s.Id == StoredChannelSettings.SingleRowId, ct);
        if (row is null)
        {
            row = new StoredChannelSettings();
            db.ChannelSettings.Add(row);
        }

        var plain = input with { SmtpPassword = null, TwilioAuthToken = null };
        row.Json = JsonSerializer.Serialize(plain, Json);
        row.SmtpPasswordProtected = input.ClearSmtpPassword ? null
            : string.IsNullOrEmpty(input.SmtpPassword) ? row.SmtpPasswordProtected : _protector.Protect(input.SmtpPassword);
        row.TwilioTokenProtected = input.ClearTwilioAuthToken ? null
            : string.IsNullOrEmpty(input.TwilioAuthToken) ? row.TwilioTokenProtected : _protector.Protect(input.TwilioAuthToken);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, "changed", "setting", "channels", plain with { ClearSmtpPassword = false, ClearTwilioAuthToken = false });
        await db.SaveChangesAsync(ct);
        _current = null;
    }

    private (SmtpOptions Smtp, SmsOptions Sms) Current()
    {
        if (_current is { } current)
        {
            return current;
        }

        using var db = dbFactory.CreateDbContext();
        var row = db.ChannelSettings.AsNoTracking().FirstOrDefault(s => s.Id == StoredChannelSettings.SingleRowId);
        var smtp = Copy(smtpConfig.Value);
        var sms = Copy(smsConfig.Value);
        if (row is not null && JsonSerializer.Deserialize<ChannelSettingsInput>(row.Json, Json) is { } saved)
        {
            if (!string.IsNullOrWhiteSpace(saved.SmtpHost))
            {
                smtp = new SmtpOptions
                {
                    Host = saved.SmtpHost, Port = saved.SmtpPort, UserName = saved.SmtpUserName, Security = saved.SmtpSecurity,
                    From = string.IsNullOrWhiteSpace(saved.SmtpFrom) ? smtp.From : saved.SmtpFrom,
                    SafeToResend = saved.SmtpSafeToResend, TimeoutSeconds = smtp.TimeoutSeconds,
                    Password = row.SmtpPasswordProtected is null ? null : _protector.Unprotect(row.SmtpPasswordProtected),
                };
            }

            if (!string.IsNullOrWhiteSpace(saved.TwilioAccountSid))
            {
                sms.Twilio = new TwilioOptions
                {
                    AccountSid = saved.TwilioAccountSid, From = saved.TwilioFrom, MessagingServiceSid = saved.TwilioMessagingServiceSid,
                    BaseUrl = string.IsNullOrWhiteSpace(saved.TwilioBaseUrl) ? TwilioOptions.DefaultBaseUrl : saved.TwilioBaseUrl,
                    AuthToken = row.TwilioTokenProtected is null ? null : _protector.Unprotect(row.TwilioTokenProtected),
                };
            }

            if (!string.IsNullOrWhiteSpace(saved.SenderName))
            {
                sms.SenderName = saved.SenderName;
            }

            if (saved.SmsPricePerSegment is { } price)
            {
                sms.PricePerSegment = price;
            }

            if (!string.IsNullOrWhiteSpace(saved.SmsCurrency))
            {
                sms.Currency = saved.SmsCurrency;
            }
        }

        Version++;
        _current = (smtp, sms);
        return _current.Value;
    }

    private static void Validate(ChannelSettingsInput input)
    {
        var errors = new List<FieldError>();
        if (input.SmtpPort is < 1 or > 65535) errors.Add(new("smtpPort", "must be between 1 and 65535."));
        if (!string.IsNullOrWhiteSpace(input.SmtpFrom) && !EmailAddressRules.TryNormalize(input.SmtpFrom, out _, out var fromError))
            errors.Add(new("smtpFrom", fromError));
        if (!string.IsNullOrWhiteSpace(input.SenderName) && SenderName.Validate(input.SenderName) is { } senderError)
            errors.Add(new("senderName", senderError));
        if (!string.IsNullOrWhiteSpace(input.TwilioBaseUrl) && !Uri.TryCreate(input.TwilioBaseUrl, UriKind.Absolute, out _))
            errors.Add(new("twilioBaseUrl", "must be an absolute URL."));
        if (!string.IsNullOrWhiteSpace(input.TwilioAccountSid) && string.IsNullOrWhiteSpace(input.TwilioFrom)
            && string.IsNullOrWhiteSpace(input.TwilioMessagingServiceSid) && string.IsNullOrWhiteSpace(input.SenderName))
            errors.Add(new("twilioFrom", "Twilio needs a sender: a From number, a Messaging Service SID or a sender name."));
        if (input.SmsPricePerSegment is < 0 or > MaxPricePerSegment)
            errors.Add(new("smsPricePerSegment", $"must be between 0 and {MaxPricePerSegment} (the price of one segment to one recipient)."));
        if (!string.IsNullOrWhiteSpace(input.SmsCurrency) && !IsCurrencyCode(input.SmsCurrency))
            errors.Add(new("smsCurrency", "must be a three-letter currency code such as NOK, SEK, DKK or EUR."));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private const decimal MaxPricePerSegment = 1000m;

    private static bool IsCurrencyCode(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    private static SmtpOptions Copy(SmtpOptions o) => new()
    {
        Host = o.Host, Port = o.Port, UserName = o.UserName, Password = o.Password, Security = o.Security, From = o.From,
        SafeToResend = o.SafeToResend, TimeoutSeconds = o.TimeoutSeconds,
    };

    private static SmsOptions Copy(SmsOptions o) => new()
    {
        Twilio = new TwilioOptions
        {
            AccountSid = o.Twilio.AccountSid, AuthToken = o.Twilio.AuthToken, From = o.Twilio.From,
            MessagingServiceSid = o.Twilio.MessagingServiceSid, BaseUrl = o.Twilio.BaseUrl,
        },
        SenderName = o.SenderName, DefaultRegion = o.DefaultRegion, StatusCallbackBaseUrl = o.StatusCallbackBaseUrl,
        PricePerSegment = o.PricePerSegment, Currency = o.Currency,
    };
}

/// <summary>Channel settings as the settings page shows them: never the secrets, only whether they are set.</summary>
public sealed record ChannelSettingsView(
    string? SmtpHost, int SmtpPort, string? SmtpUserName, bool HasSmtpPassword, SmtpSecurity SmtpSecurity, string SmtpFrom, bool SmtpSafeToResend,
    string? TwilioAccountSid, bool HasTwilioAuthToken, string? TwilioFrom, string? TwilioMessagingServiceSid, string TwilioBaseUrl, string? SenderName,
    decimal? SmsPricePerSegment, string SmsCurrency);
