using Notify.Workflows.Definitions;

namespace Notify.Workflows.Runtime;

/// <summary>A published flow version, parsed, as the matcher and runner use it.</summary>
public sealed record PublishedFlow(Guid VersionId, string FlowKey, int Version, bool IsCurrent, FlowDefinition Definition);
