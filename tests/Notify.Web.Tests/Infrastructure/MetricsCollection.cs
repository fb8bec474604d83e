namespace Notify.Web.Tests.Infrastructure;

/// <summary>Tests that compare metric counts run on their own, after the others (see <see cref="HealthAndMetricsTests"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
