using Notify.Web.Features.Deliveries;

namespace Notify.Web.Features.Runs;

public sealed record RunDetails(RunRow Run, IReadOnlyList<JournalRow> Journal, IReadOnlyList<DeliveryRow> Deliveries);

public sealed record JournalRow(DateTime At, string StepId, string Kind, Notify.Workflows.Runtime.JournalVerdict Verdict, string Message);
