namespace Notify.Workflows.Impact;

/// <summary>Replay the stored events of the last <see cref="Days"/> days (1–90).</summary>
public sealed record ImpactRequest(int Days = ImpactRequest.DefaultDays)
{
    public const int DefaultDays = 7;

    public const int MaxDays = 90;
}
