using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Workflows.Access;
using Notify.Workflows.Channels;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Messages;

/// <summary>
/// Manual send: a person (or a host system) writes a message to people, groups or typed numbers, sees who gets it on
/// which channel, the SMS segments and the cost, then sends it. Each recipient and channel is its own delivery in the
/// send log, tied to the record when one is named. Used by the page and by <c>POST /api/v1/messages</c> alike.
/// </summary>
public sealed class ManualSendService(
    IDbContextFactory<NotifyDbContext> dbFactory, PhoneNumberNormalizer phones, ChannelSettingsStore channels, AuditLog audit,
    IActorAccessor actor, DeliveriesWakeUp wakeUp, TimeProvider time)
{
    public const int MaxText = 1500;

    private readonly ManualRecipients _recipients = new(phones);

    /// <summary>The company's SMS senders: its alphanumeric name and its Twilio number, when set.</summary>
    public IReadOnlyList<string> Senders() =>
        new[] { channels.Sms.SenderName, channels.Sms.Twilio.From }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).Distinct().ToList();

    /// <summary>
    /// The SMS senders the person sending may choose from — the company's, and their own number when their account or
    /// their contact has one — and the one they used last, if it is still allowed. Never free text.
    /// </summary>
    public async Task<SenderChoices> SendersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SendersAsync(db, ct);
    }

    private async Task<SenderChoices> SendersAsync(NotifyDbContext db, CancellationToken ct)
    {
        var who = actor.Current;
        var own = await OwnNumberAsync(db, who, ct);
        var allowed = Senders().Concat(own is null ? [] : [own]).Distinct().ToList();
        var last = await db.Deliveries.AsNoTracking().Where(d => d.SentBy == who && d.Channel == Channel.Sms)
            .OrderByDescending(d => d.CreatedAt).Select(d => d.Sender).FirstOrDefaultAsync(ct);
        return new SenderChoices(allowed, own, last is not null && allowed.Contains(last) ? last : null);
    }

    /// <summary>The signed-in person's own mobile number: on their account, or on the contact their account is for.</summary>
    private async Task<string?> OwnNumberAsync(NotifyDbContext db, string who, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Email == who).Select(u => new { u.PhoneNumber, u.ContactKey }).FirstOrDefaultAsync(ct);
        var number = user?.PhoneNumber;
        if (string.IsNullOrWhiteSpace(number) && user?.ContactKey is { } key)
        {
            number = (await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct))?.PrimaryPhone;
        }

        return phones.TryNormalize(number, out var e164, out _) ? e164 : null;
    }

    /// <summary>What sending would do; nothing is stored. Bad input is a <see cref="ValidationException"/> naming every wrong field.</summary>
    public async Task<ManualSendPlan> PlanAsync(ManualMessage message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PlanAsync(db, message, ct);
    }

    public async Task<ManualSendResult> SendAsync(ManualMessage message, string? idempotencyKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await PlanAsync(db, message, ct);
        var id = idempotencyKey is { Length: > 0 } ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24].ToLowerInvariant() : Guid.NewGuid().ToString("N");
        var prefix = $"manual:{id}:";
        var earlier = await db.Deliveries.AsNoTracking().Where(d => d.DeliveryKey.StartsWith(prefix)).Select(d => d.Id).ToListAsync(ct);
        if (earlier.Count > 0)
        {
            return Result(plan, earlier); // the same Idempotency-Key again: the first send's answer, nothing sent twice
        }

        var now = time.GetUtcNow().UtcDateTime;
        var sentBy = actor.Current;
        var deliveries = plan.Messages.Select(m =>
        {
            var draft = new DeliveryDraft
            {
                DeliveryKey = $"{prefix}{m.PersonKey}:{m.Channel.ToName()}:{m.Address}",
                Channel = m.Channel,
                Address = m.Address,
                RecipientName = m.Name,
                ContactKey = m.ContactKey,
                RecordType = message.Record?.Type?.ToLowerInvariant(),
                RecordKey = message.Record?.Key,
                Subject = m.Channel == Channel.Email ? message.Subject!.Trim() : null,
                Body = message.Text!,
                Segments = m.Channel == Channel.Sms ? plan.Sms.Segments : 0,
                Sender = m.Channel == Channel.Sms ? message.Sender : null,
                SentBy = sentBy,
            };
            return m.Goes ? Delivery.Queue(draft, now) : Delivery.Skip(draft, m.SkipReason!, now);
        }).ToList();
        db.Deliveries.AddRange(deliveries);
        audit.Record(db, "sent", "message", id, new { message.To, message.Channels, plan.Recipients, plan.Segments, Record = message.Record });
        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
        return Result(plan, deliveries.Where(d => d.Status == DeliveryStatus.Queued).Select(d => d.Id).ToList());
    }

    private static ManualSendResult Result(ManualSendPlan plan, IReadOnlyList<Guid> deliveries) => new(
        plan.Recipients, plan.Segments, plan.Cost, plan.Currency, deliveries,
        plan.Messages.Where(m => !m.Goes).Select(m => new SkippedRecipient(m.Name, m.Channel.ToName(), m.SkipReason!)).ToList());

    private async Task<ManualSendPlan> PlanAsync(NotifyDbContext db, ManualMessage message, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var chosen = ReadChannels(message.Channels, errors);
        ReadText(message, chosen, errors, message.Sender is null ? [] : (await SendersAsync(db, ct)).Allowed);
        if (message.To is not { Count: > 0 }) errors.Add(new("to", "name at least one recipient."));
        var people = message.To is { Count: > 0 } to ? await _recipients.ReadAsync(db, to, chosen, errors, ct) : [];
        if (message.Record is { } record && !await RecordExistsAsync(db, record, ct))
            errors.Add(new("record", $"no {record.Type} '{record.Key}' is known."));
        if (errors.Count > 0) throw new ValidationException(errors);

        var messages = people.SelectMany(p => ChannelNames.All.Where(chosen.Contains).SelectMany(c => Plan(p, c))).ToList();
        var sms = SmsBody.Measure(message.Text!);
        var segments = sms.Segments * messages.Count(m => m.Goes && m.Channel == Channel.Sms);
        var price = channels.Sms.PricePerSegment;
        return new ManualSendPlan(messages, messages.Where(m => m.Goes).Select(m => m.PersonKey).Distinct().Count(), sms, segments,
            price is { } p ? p * segments : null, channels.Sms.Currency);
    }

    /// <summary>
    /// A person on a channel: each address marked for notifications (or the primary one), or why not. Typed numbers and
    /// addresses only go on their own channel.
    /// </summary>
    private static IEnumerable<PlannedMessage> Plan(ManualRecipients.Person person, Channel channel)
    {
        if (person.Contact is not { } c)
        {
            var address = channel == Channel.Sms ? person.Phone : channel == Channel.Email ? person.Email : null;
            return address is null ? [] : [new PlannedMessage(person.Key, person.Name, null, channel, address, null)];
        }

        var (to, consented, what) = channel switch
        {
            Channel.Sms => (c.NotifyPhones, c.Consent.Sms, "phone number"),
            Channel.Email => (c.NotifyEmails, c.Consent.Email, "email address"),
            _ => ([c.Key], c.Consent.InApp, "inbox"),
        };
        var reason = !consented ? $"{c.Name} has not agreed to {channel.ToWords()}." : to.Count == 0 ? $"{c.Name} has no {what}." : null;
        return reason is not null
            ? [new PlannedMessage(c.Key, c.Name, c.Key, channel, to.FirstOrDefault() ?? "", reason)]
            : to.Select(address => new PlannedMessage(c.Key, c.Name, c.Key, channel, address, null));
    }

    private static HashSet<Channel> ReadChannels(IReadOnlyList<string>? names, List<FieldError> errors)
    {
        var chosen = new HashSet<Channel>();
        if (names is not { Count: > 0 })
        {
            errors.Add(new("channels", "choose at least one of sms, email, inApp."));
            return chosen;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (ChannelNames.TryParse(names[i], out var channel)) chosen.Add(channel);
            else errors.Add(new($"channels[{i}]", "must be sms, email or inApp."));
        }

        return chosen;
    }

    private static void ReadText(ManualMessage message, HashSet<Channel> chosen, List<FieldError> errors, IReadOnlyList<string> senders)
    {
        if (string.IsNullOrWhiteSpace(message.Text)) errors.Add(new("text", "write the message."));
        else if (message.Text.Length > MaxText) errors.Add(new("text", $"at most {MaxText:N0} characters; this one has {message.Text.Length:N0}."));
        if (chosen.Contains(Channel.Email) && string.IsNullOrWhiteSpace(message.Subject)) errors.Add(new("subject", "an email needs a subject."));
        if (message.Subject is { Length: > 200 }) errors.Add(new("subject", "at most 200 characters."));
        if (message.Sender is { } sender && !senders.Contains(sender))
        {
            errors.Add(new("sender", senders is { Count: > 0 } allowed
                ? $"must be one of the allowed senders: {string.Join(", ", allowed)}."
                : "no SMS senders are set up (Settings → Channels); leave it out."));
        }
    }

    private static async Task<bool> RecordExistsAsync(NotifyDbContext db, MessageRecord record, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(record.Type) || string.IsNullOrWhiteSpace(record.Key)) return false;
        var type = record.Type.ToLowerInvariant();
        return await db.Records.AnyAsync(r => r.Type == type && r.Key == record.Key, ct);
    }
}
