using System.Diagnostics;

namespace Notify.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A real PostgreSQL server (Debian's package) in a fresh cluster on a free loopback port, started for the tests
/// and removed after them. As root, the server runs as the <c>postgres</c> user, since PostgreSQL refuses root.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "notify-pg", Guid.NewGuid().ToString("N"));
    private string _bin = "";

    public int Port { get; private set; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=notify;Database={database}";

    public async Task InitializeAsync()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        _bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql; ./test.sh does).");
        Port = Notify.Tests.Shared.FreePort.Next();
        Directory.CreateDirectory(_dataDir);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _dataDir]);
        }

        await RunAsServerUserAsync("initdb", ["-D", _dataDir, "-U", "notify", "-A", "trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await RunAsServerUserAsync("pg_ctl", ["-D", _dataDir, "-w", "-l", Path.Combine(_dataDir, "server.log"),
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dataDir}", "start"]);
    }

    public async Task DisposeAsync()
    {
        await RunAsServerUserAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "stop"]);
        Directory.Delete(_dataDir, true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsServerUserAsync(string tool, string[] args) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
        : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
