namespace Notify.EndToEnd.Tests.Durability;

/// <summary>Tests that start the app as a process on its own data folder, removed afterwards.</summary>
public abstract class AppFolderTests : IDisposable
{
    /// <summary>Where the app process keeps its SQLite file and keys.</summary>
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "notify-kill", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // best effort
        }

        GC.SuppressFinalize(this);
    }
}
