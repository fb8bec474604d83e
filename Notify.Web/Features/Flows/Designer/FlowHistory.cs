using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>The designer's last edits, for undo and redo: each a snapshot of the whole flow (layout included).</summary>
public sealed class FlowHistory
{
    private const int Capacity = 100;
    private readonly LinkedList<string> _done = new();
    private readonly Stack<string> _undone = new();

    public bool CanUndo => _done.Count > 1;

    public bool CanRedo => _undone.Count > 0;

    /// <summary>Starts over from the flow as loaded or saved.</summary>
    public void Reset(FlowDesign design)
    {
        _done.Clear();
        _undone.Clear();
        _done.AddLast(Snapshot(design));
    }

    /// <summary>Remembers the flow after an edit; nothing when the edit changed nothing.</summary>
    public void Record(FlowDesign design)
    {
        var now = Snapshot(design);
        if (_done.Last?.Value == now) return;
        _done.AddLast(now);
        if (_done.Count > Capacity) _done.RemoveFirst();
        _undone.Clear();
    }

    public bool Undo(FlowDesign design)
    {
        if (!CanUndo) return false;
        _undone.Push(_done.Last!.Value);
        _done.RemoveLast();
        design.Load(FlowJson.Deserialize(_done.Last!.Value));
        return true;
    }

    public bool Redo(FlowDesign design)
    {
        if (!CanRedo) return false;
        var next = _undone.Pop();
        _done.AddLast(next);
        design.Load(FlowJson.Deserialize(next));
        return true;
    }

    private static string Snapshot(FlowDesign design)
    {
        var keep = design.KeepsLayout;
        design.KeepsLayout = true; // positions are part of what undo brings back
        try
        {
            return FlowJson.Serialize(design.ToDefinition());
        }
        finally
        {
            design.KeepsLayout = keep;
        }
    }
}
