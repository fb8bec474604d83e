using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

/// <summary>A flow as the API answers: its draft definition and where publishing stands.</summary>
public sealed record FlowView(string Key, string Name, int PublishedVersion, bool HasUnpublishedChanges, DateTime UpdatedAt, FlowDefinition Definition, bool Disabled)
{
    public static FlowView From(Flow flow) =>
        new(flow.Key, flow.Name, flow.PublishedVersion, flow.HasUnpublishedChanges, flow.UpdatedAt, flow.Draft(), flow.Disabled);
}
