using System.Net;

namespace Notify.Workflows.Channels.Email;

/// <summary>Wraps a message's HTML (or its text) in a simple layout with the company's name and logo.</summary>
public static class EmailLayout
{
    public static string Wrap(string? html, string text, BrandingOptions branding)
    {
        var company = WebUtility.HtmlEncode(branding.CompanyName);
        var logo = string.IsNullOrWhiteSpace(branding.LogoUrl)
            ? ""
            : $"<img src=\"{WebUtility.HtmlEncode(branding.LogoUrl)}\" alt=\"{company}\" style=\"max-height:40px\"><br>";
        var content = html ?? "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";
        return $"""
            <!DOCTYPE html>
            <html><body style="margin:0;padding:0;background:#f4f5f7;font-family:Segoe UI,Arial,sans-serif">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:6px">
            <tr><td style="padding:16px 24px;border-bottom:1px solid #e5e7eb;font-weight:600">{logo}{company}</td></tr>
            <tr><td style="padding:24px;color:#111827;line-height:1.5">{content}</td></tr>
            </table></td></tr></table></body></html>
            """;
    }
}
