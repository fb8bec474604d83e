using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Notify.Tests.Shared;

/// <summary>The whole app on its own SQLite file in a temp folder (or its own PostgreSQL database, see <see cref="TestDatabase"/>), with a known API key.</summary>
public sealed class NotifyAppFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key";
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-Admin-Password-1";
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;

    public NotifyAppFactory(bool seedDemo = true, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        _services = services;
        Folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _settings = new Dictionary<string, string?>(TestDatabase.Settings(Folder))
        {
            ["Notify:Bootstrap:ApiKey"] = ApiKey,
            ["Notify:Demo:Seed"] = seedDemo ? "true" : "false",
            ["Notify:Bootstrap:AdminEmail"] = AdminEmail,
            ["Notify:Bootstrap:AdminPassword"] = AdminPassword,
            ["Notify:RateLimits:SignInsPerMinute"] = "1000",
            ["Notify:DataProtection:KeysFolder"] = Path.Combine(Folder, "keys"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
