using System.Diagnostics;

namespace Notify.Workflows.Observability;

/// <summary>The spans Notify makes itself, besides the web and HTTP client ones: a pass over due runs, an attempt at a delivery.</summary>
public static class NotifyTracing
{
    public const string SourceName = "Notify";

    public static readonly ActivitySource Source = new(SourceName);
}
