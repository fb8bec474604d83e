using System.Diagnostics;
using System.Net;

namespace Notify.EndToEnd.Tests.Durability;

/// <summary>
/// The built app started as its own process (<c>dotnet Notify.Web.dll</c>) on a SQLite file, so a test can
/// kill it with SIGKILL and start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string ApiKey = "durability-key";
    private readonly Dictionary<string, string> _environment;
    private Process? _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

    public AppProcess(string dataFolder, IDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(dataFolder);
        Port = Notify.Tests.Shared.FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["ConnectionStrings__Notify"] = $"Data Source={Path.Combine(dataFolder, "notify.db")}",
            ["Notify__Bootstrap__ApiKey"] = ApiKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    private bool _inWarning;

    public int Port { get; }

    public string BaseUrl { get; }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [WebDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebDll())!,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the output handlers
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}. Its last output:\n{string.Join("\n", _output)}");
            }

            try
            {
                if ((await client.GetAsync("/api/v1/runs?pageSize=1")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not answer.");
    }

    /// <summary>Every line the app logged at warning level or above (and the lines that follow, with the exception).</summary>
    public IReadOnlyList<string> Warnings => _warnings.ToList();

    /// <summary>The last 60 lines the app wrote.</summary>
    public IReadOnlyList<string> Output => _output.ToList();

    /// <summary>The last 60 lines the app wrote, for the message when it dies.</summary>
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
            || (line.StartsWith(' ') && _inWarning))
        {
            _warnings.Enqueue(line);
        }

        _inWarning = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
            || (line.StartsWith(' ') && _inWarning);

        _output.Enqueue(line);
        while (_output.Count > 60 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what is not committed is lost.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private static string WebDll()
    {
        var testBin = AppContext.BaseDirectory;
        var configuration = testBin.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(testBin);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Notify.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Notify.sln not found."),
            "Notify.Web", "bin", configuration, "net10.0", "Notify.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Notify.Web first.", dll);
    }
}
