using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps.Send;

/// <summary>
/// Resolves people, checks consent and addresses, renders the template, and decides one delivery per person
/// and channel under a deterministic key (run, step, person, channel) — so running it twice sends nothing twice.
/// </summary>
public sealed class SendStep(
    TemplateRenderer renderer, PhoneNumberNormalizer phones, Microsoft.Extensions.Options.IOptions<Channels.QuietHoursOptions> quietHours,
    Microsoft.Extensions.Options.IOptions<Organisation.OrganisationOptions> organisation) : IStep
{
    private readonly QuietHours? _quiet = quietHours.Value.ToQuietHours(out _);
    private readonly IReadOnlyList<Channel> _held = quietHours.Value.HeldChannels();
    private readonly TimeZoneInfo _zone = organisation.Value.Zone;

    public string Kind => "send";

    public async Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (SendStepDefinition)definition;
        var template = await context.Reads.TemplateAsync(step.Template, ct);
        if (template is null)
        {
            return StepResult.Fail($"The template '{step.Template}' does not exist.");
        }

        var (people, resolved) = await context.Shared.PeopleAsync(
            context, step.Recipients, () => RecipientResolver.ResolveAsync(context.Reads, step.Recipients, context.Record, context.Event, ct));
        var notes = resolved.ToList();
        var attachments = step.Attach && step.Channels.Contains("email", StringComparer.OrdinalIgnoreCase) ? Attachments(context, notes) : null;
        var throttle = await ThrottleCounts.LoadAsync(context, people, step.Channels, ct);
        ChannelDecision Decide(Recipient person, Channel channel) => DecideFor(context, step, template, attachments, throttle, person, channel);
        if (step.Failover)
        {
            return await FailoverSend.ExecuteAsync(context, step, people, Decide, notes, ct);
        }

        var queued = new List<DeliveryDraft>();
        var skipped = new List<(DeliveryDraft, string)>();
        var collected = new List<Digests.DigestItem>();
        foreach (var person in people)
        {
            foreach (var channelName in step.Channels)
            {
                if (!ChannelNames.TryParse(channelName, out var channel))
                {
                    continue;
                }

                var decision = Decide(person, channel);
                if (decision.Error is not null)
                {
                    return StepResult.Fail(decision.Error);
                }

                skipped.AddRange(decision.Skipped);
                if (decision.Folded.Count > 0 && context.Throttle is { } limit)
                {
                    var later = new Definitions.DigestDefinition { Window = limit.Per };
                    foreach (var draft in decision.Folded)
                    {
                        var item = await Digests.DigestCollector.CollectAsync(context, step.Id, later, renderer, ModelFor(context, person), draft, person.Contact?.Language, ct);
                        if (context.DryRun) queued.Add(draft with { NotBefore = item.DueAt });
                        else collected.Add(item);
                    }
                }

                if (step.Digest is not { } digest || context.DryRun)
                {
                    queued.AddRange(decision.Queued);
                    continue;
                }

                foreach (var draft in decision.Queued)
                {
                    collected.Add(await Digests.DigestCollector.CollectAsync(context, step.Id, digest, renderer, ModelFor(context, person), draft, person.Contact?.Language, ct));
                }
            }
        }

        if (step.Digest is { } collecting)
        {
            return Collected(context, collecting, queued, collected, skipped, notes);
        }

        if (collected.Count > 0)
        {
            notes.Add($"{collected.Count} over the flow's limit folded into one later message, at {collected.Min(c => c.DueAt):yyyy-MM-dd HH:mm} UTC");
        }

        return StepResult.Continue(queued.Count + collected.Count > 0 ? JournalVerdict.Sent : JournalVerdict.NobodyReached, Summary(queued, skipped, notes))
            with { Deliveries = queued, Skipped = skipped, Collected = collected };
    }

    /// <summary>"2 queued, 1 skipped: Anna Berg by sms: no SMS consent (…notes)".</summary>
    internal static string Summary(IReadOnlyList<DeliveryDraft> queued, IReadOnlyList<(DeliveryDraft Draft, string Why)> skipped, IReadOnlyList<string> notes)
    {
        var held = queued.FirstOrDefault(d => d.NotBefore is not null)?.NotBefore;
        return $"{queued.Count} queued, {skipped.Count} skipped" +
            (held is null ? "" : $"; held for quiet hours until {held:yyyy-MM-dd HH:mm} UTC") +
            Leftovers(skipped, notes);
    }

    /// <summary>": Anna Berg by sms: no SMS consent (…notes)": who was left out and why, and what the recipients said.</summary>
    private static string Leftovers(IReadOnlyList<(DeliveryDraft Draft, string Why)> skipped, IReadOnlyList<string> notes) =>
        (skipped.Count > 0 ? ": " + string.Join("; ", skipped.Select(s => $"{s.Draft.RecipientName} by {s.Draft.Channel.ToName()}: {s.Why}")) : "") +
        (notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : "");

    /// <summary>What one person gets on one channel: a message per usable address, or the reason each is left out.</summary>
    private ChannelDecision DecideFor(
        StepContext context, SendStepDefinition step, MessageTemplate template, IReadOnlyList<MessageAttachment>? attachments, ThrottleCounts? throttle,
        Recipient person, Channel channel)
    {
        var queued = new List<DeliveryDraft>();
        var folded = new List<DeliveryDraft>();
        var skipped = new List<(DeliveryDraft, string)>();
        foreach (var (address0, why0, index) in Addresses(person, channel))
        {
            var draft = new DeliveryDraft
            {
                // the first address keeps the key it always had; more addresses marked for notifications add theirs
                DeliveryKey = KeyPrefix(context, step, person) + channel.ToName() + (index == 0 ? "" : $":{address0}"),
                RunId = context.RunId,
                FlowKey = context.FlowKey,
                StepId = step.Id,
                RecordType = context.Record.Type,
                RecordKey = context.Record.Key,
                ContactKey = person.Contact?.Key ?? (person.Missing is null ? null : person.Key),
                RecipientName = person.Name,
                Channel = channel,
                TemplateKey = template.Key,
            };
            var (address, why) = (address0, why0);
            if (!context.FlowRequired && person.Contact?.HasMuted(context.FlowKey) == true)
            {
                why = $"turned off messages from the flow '{context.FlowKey}'";
            }

            var heldBack = why is null ? throttle?.HoldBack(person, channel) : null;
            var fold = heldBack is not null && context.Throttle?.Fold == true && step.Digest is null && !step.Failover;
            if (!fold) why ??= heldBack;

            if (why is not null)
            {
                skipped.Add((draft with { Address = address ?? "" }, why));
                continue;
            }

            var (content, textLanguage) = template.ContentFor(person.Contact?.Language, channel);
            var model = ModelFor(context, person);
            if (step.Digest is not null) model = Digests.DigestModel.With([model]); // as the digest's template will see it, with this message alone
            if (TemplateModel.Missing(model, template.RequiredFields) is { } missing)
            {
                skipped.Add((draft with { Address = address! }, $"missing {missing}"));
                continue;
            }

            var rendered = MessageParts.Render(renderer, content, channel, model, MessageCulture.For(textLanguage));
            if (rendered.Error is not null)
            {
                return new ChannelDecision([], [], rendered.Error);
            }

            if (rendered.Body.Length == 0 && rendered.Html is null)
            {
                skipped.Add((draft with { Address = address! }, $"the template '{template.Key}' has no {channel.ToName()} text"));
                continue;
            }

            if (!fold) throttle?.Took(person, channel);
            (fold ? folded : queued).Add(draft with
            {
                Address = address!,
                Subject = rendered.Subject,
                Body = rendered.Body,
                HtmlBody = rendered.Html,
                Segments = channel == Channel.Sms ? SmsBody.Measure(rendered.Body).Segments : 0,
                NotBefore = _held.Contains(channel) && !context.IgnoreQuietHours ? QuietHoursOf(person)?.HoldUntil(context.Now) : null,
                UsedFieldsJson = context.Shared.UsedFields(context, content, channel, () => UsedFields.Json(renderer, content, channel, context.Record)),
                AttachmentsJson = channel == Channel.Email && attachments is { Count: > 0 } files ? MessageAttachment.ToJson(files) : null,
            });
        }

        return new ChannelDecision(queued, skipped, null) { Folded = folded };
    }

    private IReadOnlyDictionary<string, object?> ModelFor(StepContext context, Recipient person) =>
        context.Shared.Model(context, person, () => TemplateModel.Create(context.Event, context.Record, person, context.Now,
            context.Reads.Company.ToTemplateModel(), _zone, context.Reads.Company.RecordLink(context.Record.Type, context.Record.Key)));

    /// <summary>A digest step's decision: messages collected into open digests (a dry run shows each as it would go alone, at the digest's time).</summary>
    private static StepResult Collected(
        StepContext context, Definitions.DigestDefinition digest, List<DeliveryDraft> tried, List<Digests.DigestItem> collected, List<(DeliveryDraft, string)> skipped, List<string> notes)
    {
        var due = collected.Select(c => c.DueAt).DefaultIfEmpty(digest.DueAfter(context.Now, context.Calendar, context.Zone)).Min();
        var reached = context.DryRun ? tried.Count : collected.Count;
        var summary = $"{reached} collected into digests ({digest}), the first going at {due:yyyy-MM-dd HH:mm} UTC; {skipped.Count} skipped" + Leftovers(skipped, notes);
        return StepResult.Continue(reached > 0 ? JournalVerdict.Sent : JournalVerdict.NobodyReached, summary) with
        {
            Deliveries = context.DryRun ? tried.Select(d => d with { NotBefore = due }).ToList() : [],
            Collected = collected,
            Skipped = skipped,
        };
    }

    /// <summary>When messages should not wake this person: their own quiet hours or the organisation's, in their time zone.</summary>
    private QuietHours? QuietHoursOf(Recipient person) => person.Contact?.QuietHoursWith(_quiet, _zone) ?? _quiet;

    /// <summary>Every delivery key of one person in one send step of one run starts so: run, step, person.</summary>
    internal static string KeyPrefix(StepContext context, SendStepDefinition step, Recipient person) => $"{context.RunId:N}:{step.Id}:{person.Key}:";

    /// <summary>The files the event gives (in its data's <c>attachments</c>), else those on the record.</summary>
    private static IReadOnlyList<MessageAttachment> Attachments(StepContext context, List<string> notes)
    {
        var fromEvent = MessageAttachment.FromData(context.Event.DataJson, notes);
        var files = fromEvent.Count > 0 ? fromEvent : MessageAttachment.FromData(context.Record.DataJson, notes);
        if (files.Count == 0) notes.Add("no attachments were given with the event or the record");
        return files;
    }

    /// <summary>
    /// Where a person gets a message on a channel: every address marked for notifications (or the primary one), each
    /// with the reason it cannot be used, if any; a person who cannot be reached at all has one entry with the reason.
    /// </summary>
    private IEnumerable<(string? Address, string? WhyNot, int Index)> Addresses(Recipient person, Channel channel)
    {
        if (person.Missing is not null)
        {
            return [(null, person.Missing, 0)];
        }

        var consent = person.Contact?.Consent ?? new ChannelConsent();
        switch (channel)
        {
            case Channel.Email:
                var emails = person.Contact?.NotifyEmails ?? (person.FixedEmail is { } fixedEmail ? [fixedEmail] : []);
                if (!consent.Email) return [(emails.FirstOrDefault(), "no email consent", 0)];
                return emails.Count == 0 ? [(null, "no email address", 0)] : emails.Select((e, i) => ((string?)e, (string?)null, i));
            case Channel.Sms:
                var numbers = person.Contact?.NotifyPhones ?? (person.FixedPhone is { } fixedPhone ? [fixedPhone] : []);
                if (!consent.Sms) return [(numbers.FirstOrDefault(), "no SMS consent", 0)];
                if (numbers.Count == 0) return [(null, "no phone number", 0)];
                return numbers.Select((phone, i) => phones.TryNormalize(phone, out var e164, out var error)
                    ? ((string?)e164, (string?)null, i) : (phone, $"phone number {error}", i));
            default:
                if (person.Contact is null) return [(null, "in-app messages need a known contact", 0)];
                return [(person.Contact.Key, consent.InApp ? null : "no in-app consent", 0)];
        }
    }
}
