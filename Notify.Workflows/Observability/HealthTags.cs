namespace Notify.Workflows.Observability;

/// <summary>Tags that sort health checks into the probes that run them.</summary>
public static class HealthTags
{
    /// <summary>Checked by <c>/health/ready</c>: the database, its schema and the workers.</summary>
    public const string Ready = "ready";
}
