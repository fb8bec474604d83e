using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>What a page shows of a message: for a webhook call, the text it carries, not its JSON; for the rest, the message.</summary>
public static class WebhookBody
{
    public static string Shown(Channel channel, string body) => channel == Channel.Webhook ? Text(body) : body;

    /// <summary>The <c>text</c> of a webhook call's JSON, or a note that it has none.</summary>
    public static string Text(string json)
    {
        try
        {
            var text = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("text").GetString();
            return string.IsNullOrEmpty(text) ? "(no text: the event and the record only)" : text;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return json;
        }
    }
}
