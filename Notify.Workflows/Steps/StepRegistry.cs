namespace Notify.Workflows.Steps;

/// <summary>The step implementation for a persisted step kind, as dependency injection made them.</summary>
public sealed class StepRegistry(IEnumerable<IStep> steps)
{
    private readonly Dictionary<string, IStep> _byKind = steps.ToDictionary(s => s.Kind, StringComparer.OrdinalIgnoreCase);

    public IStep? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
