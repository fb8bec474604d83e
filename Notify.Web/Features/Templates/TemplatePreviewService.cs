using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Channels.Email;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Features.Templates;

/// <summary>Renders a template on a real record for a real person, exactly as the send step would, without sending or storing anything.</summary>
public sealed class TemplatePreviewService(
    IDbContextFactory<NotifyDbContext> dbFactory, TemplateRenderer renderer, Notify.Workflows.Organisation.OrganisationSettingsStore company, Notify.Workflows.Channels.ChannelSettingsStore channels, TimeProvider time,
    IOptions<Notify.Workflows.Organisation.OrganisationOptions> organisation)
{
    public async Task<TemplatePreview> PreviewAsync(string key, PreviewRequest request, CancellationToken ct) => (await RenderAsync(key, request, ct)).Preview;

    /// <summary>
    /// The preview, and the email HTML as the channel gets it (before the provider puts it in the layout). With
    /// <paramref name="eventId"/>, <c>event.*</c> is that stored event (a message sent again for its run); else a stand-in "created".
    /// </summary>
    internal async Task<(TemplatePreview Preview, string? EmailHtml, string TemplateKey)> RenderAsync(
        string key, PreviewRequest request, CancellationToken ct, Guid? eventId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var template = request.Template is { } body
            ? MessageTemplate.Create(string.IsNullOrWhiteSpace(key) ? "preview" : key, body.Name ?? "Preview", body.Language ?? "nb",
                body.Content ?? new TemplateContent(), renderer, now, body.Translations, body.RequiredFields)
            : await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct) ?? throw new NotFoundException("Template", key);
        var record = request.Record is { } wanted
            ? await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Type == wanted.Type.ToLower() && r.Key == wanted.Key, ct)
                ?? throw new ValidationException("record", $"there is no {wanted.Type} '{wanted.Key}'.")
            : null;
        var contact = request.Contact is { Length: > 0 } contactKey
            ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == contactKey, ct) ?? throw new ValidationException("contact", $"there is no contact '{contactKey}'.")
            : null;
        var language = string.IsNullOrWhiteSpace(request.Language) ? contact?.Language ?? template.Language : request.Language.Trim().ToLowerInvariant();
        var person = contact is null ? new Recipient("sample", "Sample Person", null, "sample@example.com", "+4790000000") : new Recipient(contact.Key, contact.Name, contact);
        var snapshot = record?.Snapshot() ?? new RecordSnapshot { Type = "record", Key = "SAMPLE-1", Title = "Sample record", Status = "new" };
        var e = (eventId is { } id ? await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null)
            ?? RecordEvent.FromChange(new RecordChange(EventTypes.Created, null, snapshot.Status, []), null, snapshot, now);
        var model = TemplateModel.Create(e, snapshot, person, now, company.Branding.ToTemplateModel(), organisation.Value.Zone,
            company.Branding.RecordLink(snapshot.Type, snapshot.Key));

        var warnings = template.Warnings(renderer).ToList();
        if (TemplateModel.Missing(model, template.RequiredFields) is { } missing)
        {
            warnings.Add(new FieldError("requiredFields", $"{Describe(snapshot)} has no {missing}, so this message would be skipped for {person.Name}."));
        }

        string? Part(Channel channel, Func<TemplateContent, string?> pick, bool html = false)
        {
            var (content, textLanguage) = template.ContentFor(language, channel);
            var text = pick(content);
            var culture = MessageCulture.For(textLanguage);
            try
            {
                return string.IsNullOrEmpty(text) ? null : html ? renderer.RenderHtml(text, model, culture) : renderer.Render(text, model, culture).Trim();
            }
            catch (TemplateRenderException ex)
            {
                warnings.Add(new FieldError(channel.ToName(), ex.Message));
                return null;
            }
        }

        var smsText = Part(Channel.Sms, c => c.Sms);
        var (subject, emailText, emailHtml) = (Part(Channel.Email, c => c.EmailSubject), Part(Channel.Email, c => c.EmailText), Part(Channel.Email, c => c.EmailHtml, html: true));
        var preview = new TemplatePreview(
            smsText is null ? null : Sms(smsText),
            subject, emailHtml is null && emailText is null ? null : EmailLayout.Wrap(emailHtml, emailText ?? "", company.Branding), emailText,
            Part(Channel.InApp, c => c.InApp), language, warnings);
        return (preview, emailHtml, template.Key);
    }

    private SmsPreview Sms(string text)
    {
        var measured = SmsBody.Measure(text);
        var unicode = GsmCharacters.NotInGsm(text);
        return new SmsPreview(text, measured.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "Unicode (UCS-2)", text.Length, measured.Segments,
            unicode.Select(GsmCharacters.Describe).ToList(), unicode.Any(GsmCharacters.HasLookAlike),
            channels.Sms.PricePerSegment is { } price ? price * measured.Segments : null, channels.Sms.Currency);
    }

    private static string Describe(RecordSnapshot record) => $"{record.Type} {record.Key}";
}
