using System.Text.Json.Serialization;

namespace Notify.Workflows.Definitions;

/// <summary>
/// One step of a flow. <see cref="Kind"/> is the stable name stored in JSON; each kind, with its definition, step,
/// checks and words, lives in its own folder under <c>Steps/</c> and is listed once in <see cref="Steps.StepKinds"/>.
/// </summary>
public abstract record StepDefinition
{
    public string Id { get; init; } = "";

    /// <summary>Optional label an admin reads in the journal.</summary>
    public string? Title { get; init; }

    /// <summary>The step to go to next; by default the one after it in the list; <see cref="End"/> ends the run here.</summary>
    public string? Next { get; init; }

    /// <summary>The target that ends the run (a step may not be called this).</summary>
    public const string End = "(end)";

    [JsonIgnore]
    public abstract string Kind { get; }
}
