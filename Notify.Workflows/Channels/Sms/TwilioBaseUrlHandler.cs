namespace Notify.Workflows.Channels.Sms;

/// <summary>
/// Points the Twilio SDK, whose host is fixed to <c>api.twilio.com</c>, at the configured base URL (a local stand-in
/// in tests); with the default base URL requests pass unchanged.
/// </summary>
public sealed class TwilioBaseUrlHandler(ChannelSettingsStore settings) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.TryCreate(settings.Sms.Twilio.BaseUrl, UriKind.Absolute, out var target) && !SameOrigin(uri, target))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase);
}
