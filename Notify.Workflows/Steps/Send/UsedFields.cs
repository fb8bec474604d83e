using System.Text.Json;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;

namespace Notify.Workflows.Steps.Send;

/// <summary>
/// Which record fields a message on a channel uses (from its template's text), with their values now, as the JSON kept
/// on the delivery; and, later, which of them have changed since.
/// </summary>
public static class UsedFields
{
    public static string? Json(TemplateRenderer renderer, TemplateContent content, Channel channel, RecordSnapshot record)
    {
        var texts = channel switch
        {
            Channel.Sms => [content.Sms],
            Channel.Email => [content.EmailSubject, content.EmailText, content.EmailHtml],
            _ => new[] { content.InApp },
        };
        var values = RecordFieldValues.Of(record, texts.SelectMany(t => renderer.Fields(t).MergeFields));
        return values.Count == 0 ? null : JsonSerializer.Serialize(values);
    }

    /// <summary>The fields of <paramref name="usedFieldsJson"/> whose values differ on <paramref name="now"/>; empty when none (or none were used).</summary>
    public static IReadOnlyList<string> Changed(string? usedFieldsJson, RecordSnapshot now)
    {
        if (string.IsNullOrEmpty(usedFieldsJson))
        {
            return [];
        }

        var whenSent = JsonSerializer.Deserialize<Dictionary<string, string?>>(usedFieldsJson) ?? [];
        return RecordFieldValues.Changed(whenSent, now);
    }
}
