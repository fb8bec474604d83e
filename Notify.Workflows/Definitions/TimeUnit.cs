namespace Notify.Workflows.Definitions;

public enum TimeUnit
{
    Minutes,
    Hours,
    Days,

    /// <summary>Monday to Friday, minus the configured holidays.</summary>
    WorkingDays,
}
