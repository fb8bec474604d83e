namespace Notify.Workflows.Definitions;

/// <summary>
/// One arrow of a flow's drawing: from the trigger or a step's exit to a step, or to nowhere (<see cref="Target"/> null:
/// the run ends there). <see cref="Implicit"/> when the step names no jump and the run goes on to the next step in the list.
/// </summary>
public sealed record FlowEdge(string From, string Exit, string Label, string? Target, bool Implicit);
