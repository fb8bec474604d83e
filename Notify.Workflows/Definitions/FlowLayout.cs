namespace Notify.Workflows.Definitions;

/// <summary>
/// Places a flow's nodes when the flow says nowhere (imported, made over the API, or older than the canvas): top to
/// bottom in the order a run meets them, the paths of a branch side by side, steps nothing leads to in a column aside.
/// </summary>
public static class FlowLayout
{
    public const double NodeWidth = 260;
    public const double RowHeight = 180;
    public const double ColumnWidth = 310;

    /// <summary>Every node's position: the flow's own where it has one, worked out where it has none.</summary>
    public static IReadOnlyDictionary<string, NodePosition> Complete(FlowDefinition flow)
    {
        var auto = Auto(flow);
        if (flow.Layout is null || flow.Layout.Count == 0) return auto;
        var result = new Dictionary<string, NodePosition>(auto, StringComparer.Ordinal);
        foreach (var (id, position) in flow.Layout.Where(p => result.ContainsKey(p.Key) && p.Value.IsValid)) result[id] = position;
        return result;
    }

    public static IReadOnlyDictionary<string, NodePosition> Auto(FlowDefinition flow)
    {
        var graph = new FlowGraph(flow);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [FlowGraph.Trigger] = 0 };
        var rows = new List<List<string>> { new() { FlowGraph.Trigger } };
        var queue = new Queue<string>();
        queue.Enqueue(FlowGraph.Trigger);
        var ids = flow.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var target in graph.From(at).Select(e => e.Target).OfType<string>().Where(ids.Contains))
            {
                if (depth.ContainsKey(target)) continue;
                var d = depth[at] + 1;
                depth[target] = d;
                if (rows.Count <= d) rows.Add([]);
                rows[d].Add(target);
                queue.Enqueue(target);
            }
        }

        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        var widest = rows.Max(r => r.Count);
        for (var d = 0; d < rows.Count; d++)
        {
            var row = rows[d];
            for (var i = 0; i < row.Count; i++)
            {
                var x = (i - (row.Count - 1) / 2.0 + (widest - 1) / 2.0) * ColumnWidth;
                positions[row[i]] = new NodePosition(Math.Round(x), d * RowHeight);
            }
        }

        var aside = flow.Steps.Select(s => s.Id).Where(id => !positions.ContainsKey(id)).Distinct().ToList();
        for (var i = 0; i < aside.Count; i++) positions[aside[i]] = new NodePosition(widest * ColumnWidth + 60, (i + 1) * RowHeight);
        return positions;
    }
}
