using BenchmarkDotNet.Attributes;
using Notify.Workflows.Conditions;

namespace Notify.Benchmarks;

/// <summary>A warm condition: compiled once, then evaluated per run.</summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private readonly RulesEngineConditionEvaluator _evaluator = new();
    private ConditionInput _input = default!;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTime.UtcNow;
        _input = new ConditionInput(
            new ConditionEvent { Type = "record.status_changed", FromStatus = "new", ToStatus = "ready" },
            new ConditionRecord { Type = "order", Key = "AO1", Status = "ready", Deadline = now.AddDays(1), HasDeadline = true, Assignees = ["per"] },
            new ConditionRecord { Type = "order", Key = "AO1", Status = "new" },
            now);
        _evaluator.Evaluate("record.Status == \"ready\"", _input);
        _evaluator.Evaluate(Compound, _input);
    }

    private const string Compound = "record.Status == \"ready\" && previous.Status != \"ready\" && !record.IsDone && record.Deadline > now";

    [Benchmark(Baseline = true)]
    public bool SimpleEquality() => _evaluator.Evaluate("record.Status == \"ready\"", _input).Value;

    [Benchmark]
    public bool CompoundCondition() => _evaluator.Evaluate(Compound, _input).Value;
}
