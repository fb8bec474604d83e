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

    /// <summary>The step to go to next; by default the one after it in the list.</summary>
    public string? Next { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }
}
