namespace Notify.Web.Features.Flows;

/// <summary>The answer to disable, enable and delete: where the flow stands now, and how many waiting runs were cancelled.</summary>
public sealed record FlowSwitched(string Key, bool Disabled, bool Deleted, int CancelledRuns);
