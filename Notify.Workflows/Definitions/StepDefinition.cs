using System.Text.Json.Serialization;

namespace Notify.Workflows.Definitions;

/// <summary>One step of a flow. <see cref="Kind"/> is the stable name stored in JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ConditionStepDefinition), "condition")]
[JsonDerivedType(typeof(BranchStepDefinition), "branch")]
[JsonDerivedType(typeof(DelayStepDefinition), "delay")]
[JsonDerivedType(typeof(SendStepDefinition), "send")]
[JsonDerivedType(typeof(StopStepDefinition), "stop")]
public abstract record StepDefinition
{
    public string Id { get; init; } = "";

    /// <summary>Optional label an admin reads in the journal.</summary>
    public string? Title { get; init; }

    /// <summary>The step to go to next; by default the one after it in the list.</summary>
    public string? Next { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>Goes on when the expression is true; ends the run ("condition not met") when false.</summary>
public sealed record ConditionStepDefinition : StepDefinition
{
    public string Expression { get; init; } = "";

    [JsonIgnore]
    public override string Kind => "condition";
}

/// <summary>Goes to <see cref="Then"/> when true, <see cref="Else"/> when false; a missing target ends the run.</summary>
public sealed record BranchStepDefinition : StepDefinition
{
    public string Expression { get; init; } = "";

    public string? Then { get; init; }

    public string? Else { get; init; }

    [JsonIgnore]
    public override string Kind => "branch";
}

/// <summary>Waits a duration, or until the record's deadline plus or minus an offset.</summary>
public sealed record DelayStepDefinition : StepDefinition
{
    public int Amount { get; init; }

    public TimeUnit Unit { get; init; } = TimeUnit.Minutes;

    /// <summary>When set (<c>deadline</c>), waits until the record's deadline moved by Amount/Unit/Direction.</summary>
    public string? Until { get; init; }

    public OffsetDirection Direction { get; init; } = OffsetDirection.After;

    [JsonIgnore]
    public override string Kind => "delay";
}

/// <summary>Sends a template on the given channels to the people the recipient roles resolve to.</summary>
public sealed record SendStepDefinition : StepDefinition
{
    public IReadOnlyList<string> Channels { get; init; } = [];

    public string Template { get; init; } = "";

    /// <summary>
    /// Contact roles on the record (<c>customer</c>, <c>manager</c>), <c>assignees</c>, <c>newAssignees</c>,
    /// <c>group:NAME</c>, <c>contact:KEY</c>, <c>email:ADDRESS</c>, <c>phone:NUMBER</c>.
    /// </summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    [JsonIgnore]
    public override string Kind => "send";
}

/// <summary>Ends the run on purpose.</summary>
public sealed record StopStepDefinition : StepDefinition
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public override string Kind => "stop";
}
