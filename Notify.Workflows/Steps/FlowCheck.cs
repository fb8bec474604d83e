using Notify.Domain.Common;
using Notify.Workflows.Conditions;

namespace Notify.Workflows.Steps;

/// <summary>What a step kind's checks may consult: the templates that exist, the condition compiler, the flow's steps.</summary>
public sealed class FlowCheck(IConditionEvaluator conditions, ISet<string> templateKeys, IReadOnlyList<Definitions.StepDefinition> steps)
{
    private readonly HashSet<string> stepIds = steps.Select(s => s.Id).ToHashSet();

    /// <summary>The webhook endpoints that exist, by key (empty when none is known).</summary>
    public ISet<string> WebhookKeys { get; init; } = new HashSet<string>();

    /// <summary>The flow's step with this id, or null.</summary>
    public Definitions.StepDefinition? Step(string? id) => id is null ? null : steps.FirstOrDefault(s => s.Id == id);

    public bool TemplateExists(string key) => templateKeys.Contains(key);

    public void Expression(string expression, string field, List<FieldError> errors)
    {
        if (conditions.Validate(expression) is { } error) errors.Add(new(field, error));
    }

    private static readonly Notify.Domain.Templates.TemplateRenderer Templates = new();

    /// <summary>Adds an error when <paramref name="text"/> is not valid merge-tag (Liquid) text or is longer than <paramref name="maxLength"/>.</summary>
    public void Liquid(string? text, int maxLength, string field, List<FieldError> errors)
    {
        if (text is null || text.Length == 0) return;
        if (text.Length > maxLength) errors.Add(new(field, $"is longer than {maxLength} characters."));
        else if (Templates.Validate(text) is { } error) errors.Add(new(field, error.ToString()));
    }

    public void Target(string? target, string field, List<FieldError> errors)
    {
        if (target is not null && target != Definitions.StepDefinition.End && !stepIds.Contains(target)) errors.Add(new(field, $"there is no step '{target}'."));
    }
}
