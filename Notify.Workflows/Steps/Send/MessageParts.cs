using Notify.Domain.Messaging;
using Notify.Domain.Templates;

namespace Notify.Workflows.Steps.Send;

/// <summary>A template's text for one channel, rendered: the subject, text and HTML of an email, or the text of an SMS or in-app message.</summary>
internal static class MessageParts
{
    public static (string? Subject, string Body, string? Html, string? Error) Render(
        TemplateRenderer renderer, TemplateContent content, Channel channel, IReadOnlyDictionary<string, object?> model, System.Globalization.CultureInfo culture)
    {
        try
        {
            return channel switch
            {
                Channel.Sms => (null, renderer.Render(content.Sms, model, culture).Trim(), null, null),
                Channel.InApp => (null, renderer.Render(content.InApp, model, culture).Trim(), null, null),
                _ => (renderer.Render(content.EmailSubject, model, culture).Trim(),
                    renderer.Render(content.EmailText, model, culture).Trim(),
                    string.IsNullOrEmpty(content.EmailHtml) ? null : renderer.RenderHtml(content.EmailHtml, model, culture),
                    null),
            };
        }
        catch (TemplateRenderException ex)
        {
            return (null, "", null, $"The template could not be rendered for {channel.ToName()}: {ex.Message}");
        }
    }
}
