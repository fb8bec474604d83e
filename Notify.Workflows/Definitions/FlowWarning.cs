namespace Notify.Workflows.Definitions;

/// <summary>Something about a flow's shape an admin should know before publishing, on a node: it does not stop a save.</summary>
public sealed record FlowWarning(string Node, string Message);
