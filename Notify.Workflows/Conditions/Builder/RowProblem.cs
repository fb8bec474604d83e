namespace Notify.Workflows.Conditions.Builder;

/// <summary>Why a row cannot be written yet, said at the input that needs changing ("field", "operator", "value" or "amount").</summary>
public sealed record RowProblem(string Input, string Message);
