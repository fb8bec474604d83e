using Notify.Domain.Common;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps;

/// <summary>
/// Everything about one kind of step in one place: its persisted name, its definition and step types, what admins
/// call it, how it is checked before saving, how it is said in words, and where it can lead. The JSON shape, the
/// validator, the describer, the engine and the designer all read these from <see cref="StepKinds"/>.
/// </summary>
public abstract class StepKind
{
    /// <summary>The stable name in stored JSON (<c>"send"</c>): never renamed.</summary>
    public abstract string Kind { get; }

    public abstract Type DefinitionType { get; }

    /// <summary>The <see cref="IStep"/> that executes it, made by dependency injection.</summary>
    public abstract Type StepType { get; }

    /// <summary>What a business admin calls it ("Send a message").</summary>
    public abstract string Label { get; }

    /// <summary>One sentence on what it does.</summary>
    public abstract string Help { get; }

    /// <summary>True when a run pauses at this step (a loop needs one such step, or it would go round forever).</summary>
    public virtual bool Waits => false;

    /// <summary>A new step of this kind as the designer adds it.</summary>
    public abstract StepDefinition Create(string id);

    /// <summary>Adds an error per field that is wrong, named <c>{at}.{field}</c>.</summary>
    public abstract void Validate(StepDefinition step, string at, FlowCheck check, List<FieldError> errors);

    /// <summary>The step in words ("Send 'order-ready' by email and sms to customer").</summary>
    public abstract string Describe(StepDefinition step);

    /// <summary>Where the step can lead: its named jumps (the yes and no of a branch, or its next step).</summary>
    public virtual IReadOnlyList<StepExit> Exits(StepDefinition step) => [new(StepExit.Next, "then", step.Next)];

    /// <summary>The same step with one of its exits pointed elsewhere (null: the default, the next step or the end).</summary>
    public virtual StepDefinition WithExit(StepDefinition step, string exit, string? target) =>
        exit == StepExit.Next ? step with { Next = target } : step;
}

/// <summary>A kind whose definition and step types are known at compile time.</summary>
public abstract class StepKind<TDefinition, TStep> : StepKind
    where TDefinition : StepDefinition
    where TStep : IStep
{
    public sealed override Type DefinitionType => typeof(TDefinition);

    public sealed override Type StepType => typeof(TStep);

    public sealed override void Validate(StepDefinition step, string at, FlowCheck check, List<FieldError> errors) =>
        Validate((TDefinition)step, at, check, errors);

    public sealed override string Describe(StepDefinition step) => Describe((TDefinition)step);

    protected virtual void Validate(TDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
    }

    protected abstract string Describe(TDefinition step);
}

/// <summary>One way out of a step: <see cref="Next"/>, or a kind's own (a branch's <c>then</c> and <c>else</c>).</summary>
public sealed record StepExit(string Name, string Label, string? Target)
{
    public const string Next = "next";
}
