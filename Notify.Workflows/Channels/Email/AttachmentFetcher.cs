using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels.Email;

/// <summary>
/// Gets an email's files when it goes: content given in base64 as it is, a URL only from an allowed host and never
/// more than the size limit (read in a bounded stream). A file from another host, one that would pass the limit, or
/// one that cannot be fetched is not attached: the email carries a link to download it instead (Avista's advice).
/// </summary>
public sealed class AttachmentFetcher(IHttpClientFactory http, IOptions<AttachmentOptions> options)
{
    public const string HttpClientName = "attachments";

    public async Task<(IReadOnlyList<MimePart> Parts, IReadOnlyList<(string Name, string Url, string Why)> Links)> FetchAsync(
        IReadOnlyList<MessageAttachment> attachments, CancellationToken ct)
    {
        var parts = new List<MimePart>();
        var links = new List<(string, string, string)>();
        var left = options.Value.MaxBytes;
        foreach (var file in attachments)
        {
            var (content, why) = file.ContentBase64 is { } base64 ? Decode(base64, left) : await DownloadAsync(file.Url!, left, ct);
            if (content is null)
            {
                if (file.Url is { } url) links.Add((file.Name, url, why!));
                continue;
            }

            left -= content.Length;
            parts.Add(new MimePart(ContentType.Parse(file.ContentType))
            {
                Content = new MimeContent(new MemoryStream(content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = file.Name,
            });
        }

        return (parts, links);
    }

    private static (byte[]? Content, string? Why) Decode(string base64, long left)
    {
        var content = Convert.FromBase64String(base64);
        return content.Length > left ? (null, "too large to attach") : (content, null);
    }

    private async Task<(byte[]? Content, string? Why)> DownloadAsync(string url, long left, CancellationToken ct)
    {
        var uri = new Uri(url);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        if (!options.Value.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase) && !options.Value.AllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return (null, "not from a host files are fetched from");
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode) return (null, $"could not be fetched ({(int)response.StatusCode})");
            if (response.Content.Headers.ContentLength > left) return (null, "too large to attach");
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > left) return (null, "too large to attach");
                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, "could not be fetched");
        }
    }
}
