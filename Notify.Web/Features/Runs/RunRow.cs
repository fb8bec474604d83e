using System.Linq.Expressions;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Runs;

/// <summary>A run as lists show it.</summary>
public sealed record RunRow(
    Guid Id, string FlowKey, int FlowVersion, string EventType, string RecordType, string RecordKey, RunStatus Status,
    string? CurrentStepId, DateTime? ResumeAt, string? Outcome, DateTime CreatedAt, DateTime? EndedAt, int Attempts, string? Node)
{
    public static Expression<Func<FlowRun, RunRow>> Projection { get; } = r => new RunRow(
        r.Id, r.FlowKey, r.FlowVersion, r.EventType, r.RecordType, r.RecordKey, r.Status, r.CurrentStepId, r.ResumeAt,
        r.Outcome, r.CreatedAt, r.EndedAt, r.Attempts, r.Node);
}
