namespace Notify.EndToEnd.Tests;

/// <summary>
/// Tests that start the app as separate processes (kill and restart, two nodes on PostgreSQL) are heavy on a
/// two-core machine; they run on their own, after the others, so browser tests are not starved of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppProcessesCollection
{
    public const string Name = "app processes";
}
