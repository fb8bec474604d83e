namespace Notify.Workflows.Definitions;

/// <summary>Where the designer draws a node, in canvas units (the top-left corner).</summary>
public sealed record NodePosition(double X, double Y)
{
    /// <summary>Positions beyond this, either way, are refused: nobody draws that far, and it keeps the canvas usable.</summary>
    public const double Limit = 1_000_000;

    public bool IsValid => double.IsFinite(X) && double.IsFinite(Y) && Math.Abs(X) <= Limit && Math.Abs(Y) <= Limit;
}
