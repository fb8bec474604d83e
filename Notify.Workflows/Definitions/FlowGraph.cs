using Notify.Workflows.Steps;

namespace Notify.Workflows.Definitions;

/// <summary>
/// A flow as a drawing: its arrows (the implicit "go on to the next step" included), which steps the trigger reaches,
/// and its loops. The designer draws from it, the checks read it, and the auto-layout places nodes by it.
/// </summary>
public sealed class FlowGraph
{
    private readonly FlowDefinition _flow;
    private readonly Dictionary<string, int> _index;

    public FlowGraph(FlowDefinition flow)
    {
        _flow = flow;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < flow.Steps.Count; i++) _index.TryAdd(flow.Steps[i].Id, i);
        Edges = BuildEdges();
    }

    /// <summary>The id the trigger's node has in edges and layouts.</summary>
    public const string Trigger = "trigger";

    public IReadOnlyList<FlowEdge> Edges { get; }

    public IEnumerable<FlowEdge> From(string id) => Edges.Where(e => e.From == id);

    /// <summary>The steps a run can get to from the trigger, in the order a run would first meet them.</summary>
    public IReadOnlyList<string> Reachable()
    {
        var seen = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(Trigger);
        while (queue.Count > 0)
        {
            foreach (var edge in From(queue.Dequeue()))
            {
                if (edge.Target is { } target && _index.ContainsKey(target) && !seen.Contains(target))
                {
                    seen.Add(target);
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }

    /// <summary>Each group of steps that leads round in a circle (strongly connected), as step ids in list order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Loops()
    {
        var loops = new List<IReadOnlyList<string>>();
        foreach (var step in _flow.Steps)
        {
            if (loops.Any(l => l.Contains(step.Id))) continue;
            var from = Closure(step.Id, forward: true);
            if (!from.Contains(step.Id)) continue; // not on a cycle
            var back = Closure(step.Id, forward: false);
            loops.Add(_flow.Steps.Select(s => s.Id).Where(id => from.Contains(id) && back.Contains(id)).Distinct().ToList());
        }

        return loops;
    }

    private HashSet<string> Closure(string start, bool forward)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            var next = forward
                ? From(at).Select(e => e.Target).OfType<string>()
                : Edges.Where(e => e.Target == at && e.From != Trigger).Select(e => e.From);
            foreach (var id in next.Where(id => _index.ContainsKey(id) && seen.Add(id))) stack.Push(id);
        }

        return seen;
    }

    private List<FlowEdge> BuildEdges()
    {
        var edges = new List<FlowEdge>();
        if (_flow.Steps.Count > 0) edges.Add(new(Trigger, StepExit.Next, "then", _flow.Steps[0].Id, false));
        for (var i = 0; i < _flow.Steps.Count; i++)
        {
            var step = _flow.Steps[i];
            foreach (var exit in StepKinds.Of(step).Exits(step))
            {
                if (exit.Name == StepExit.Next)
                {
                    edges.Add(new(step.Id, exit.Name, exit.Label, _flow.NextOf(i), step.Next is null && i + 1 < _flow.Steps.Count));
                }
                else
                {
                    edges.Add(new(step.Id, exit.Name, exit.Label, exit.Target == StepDefinition.End ? null : exit.Target, false));
                }
            }
        }

        return edges;
    }
}
