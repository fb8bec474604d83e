using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

/// <summary>A flow as the API answers: its draft definition and where publishing stands.</summary>
public sealed record FlowView(string Key, string Name, int PublishedVersion, bool HasUnpublishedChanges, DateTime UpdatedAt, FlowDefinition Definition, bool Disabled)
{
    /// <summary>What is worth a look after a save, though it did not stop it: a recipient nobody matches (<c>steps[1].recipients[0]</c>).</summary>
    public IReadOnlyList<Notify.Domain.Common.FieldError> Warnings { get; init; } = [];

    public static FlowView From(Flow flow) =>
        new(flow.Key, flow.Name, flow.PublishedVersion, flow.HasUnpublishedChanges, flow.UpdatedAt, flow.Draft(), flow.Disabled);
}
