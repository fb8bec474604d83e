namespace Notify.Workflows.Definitions;

/// <summary>One published version as the history lists it: when, by whom, and what it does in words.</summary>
public sealed record FlowVersionSummary(int Version, DateTime PublishedAt, string PublishedBy, string Summary, bool IsCurrent, string Changes = "");
