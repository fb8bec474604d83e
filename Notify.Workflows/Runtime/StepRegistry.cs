using Notify.Workflows.Steps;

namespace Notify.Workflows.Runtime;

/// <summary>Finds the step implementation for a persisted step kind.</summary>
public sealed class StepRegistry(IEnumerable<IStep> steps)
{
    private readonly Dictionary<string, IStep> _byKind = steps.ToDictionary(s => s.Kind, StringComparer.OrdinalIgnoreCase);

    public IStep? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
