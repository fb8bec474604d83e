namespace Notify.Workflows.Access;

/// <summary>What an API key may do. <see cref="Admin"/> may do everything.</summary>
public static class ApiKeyScope
{
    /// <summary>Push records, events and contacts.</summary>
    public const string Ingest = "ingest";

    /// <summary>Read records, runs, deliveries, flows and templates.</summary>
    public const string Read = "read";

    /// <summary>Everything, including flows, templates and record types.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Admin];
}
