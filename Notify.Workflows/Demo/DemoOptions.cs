namespace Notify.Workflows.Demo;

/// <summary><c>Notify:Demo</c>: load demo data into an empty database.</summary>
public sealed class DemoOptions
{
    public bool Seed { get; set; } = true;
}
