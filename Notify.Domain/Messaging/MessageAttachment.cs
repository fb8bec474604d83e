using System.Text.Json;

namespace Notify.Domain.Messaging;

/// <summary>
/// A file a host system gives with a record or an event for an email to carry: a name, and either a URL the file is
/// fetched from when the email goes (only from allowed hosts) or its content in base64.
/// </summary>
public sealed record MessageAttachment(string Name, string? Url, string? ContentBase64, string ContentType)
{
    public const string DataKey = "attachments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The attachments in a record's or an event's data (<c>"attachments": [ { "name", "url" | "contentBase64", "contentType" } ]</c>);
    /// an entry that cannot be read is left out and said in <paramref name="notes"/>. None: no such key.
    /// </summary>
    public static IReadOnlyList<MessageAttachment> FromData(string dataJson, List<string> notes)
    {
        var found = new List<MessageAttachment>();
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(dataJson) ? "{}" : dataJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty(DataKey, out var list)) return found;
            if (list.ValueKind != JsonValueKind.Array)
            {
                notes.Add("'attachments' is not a list, so nothing was attached");
                return found;
            }

            var i = 0;
            foreach (var entry in list.EnumerateArray())
            {
                if (Read(entry) is { } attachment) found.Add(attachment);
                else notes.Add($"attachments[{i}] was left out: it needs a name and a url (http or https) or contentBase64");
                i++;
            }
        }
        catch (JsonException)
        {
            notes.Add("the data could not be read, so nothing was attached");
        }

        return found;
    }

    private static MessageAttachment? Read(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => entry.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var name = Path.GetFileName(Text("name") ?? "").Trim();
        var url = Text("url");
        var content = Text("contentBase64");
        var urlOk = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        var contentOk = content is not null && IsBase64(content);
        if (name.Length == 0 || name.Length > 200 || urlOk == contentOk) return null;
        var type = Text("contentType") is { Length: > 0 and <= 100 } t && t.Contains('/', StringComparison.Ordinal) ? t : "application/octet-stream";
        return new MessageAttachment(name, urlOk ? url : null, contentOk ? content : null, type);
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    public static string? ToJson(IReadOnlyList<MessageAttachment> attachments) =>
        attachments.Count == 0 ? null : JsonSerializer.Serialize(attachments, Json);

    public static IReadOnlyList<MessageAttachment> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<MessageAttachment>>(json, Json) ?? [];
}
