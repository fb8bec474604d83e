using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notify.Workflows;
using Notify.Workflows.Demo;
using Notify.Workflows.Persistence;

namespace Notify.Seed;

/// <summary>
/// Notify's engine services over the database the app is configured with (<c>ConnectionStrings__Notify</c>,
/// <c>Notify__Database__Provider</c>), brought up to date and given the demo data when empty. Without a connection
/// string it is the app's own default: <c>Notify.Web/data/notify.db</c>, what <c>./run.sh</c> opens.
/// </summary>
public static class NotifyDatabase
{
    public static async Task<ServiceProvider> OpenAsync(CancellationToken ct)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddNotifyWorkflows(config, Path.Combine(RepositoryRoot(), "Notify.Web"));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await provider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        return provider;
    }

    public static string Describe(IConfiguration? config = null)
    {
        config ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var provider = config["Notify:Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Notify") ?? $"Data Source={Path.Combine(RepositoryRoot(), "Notify.Web", "data", "notify.db")}";
        return $"{provider}: {System.Text.RegularExpressions.Regex.Replace(connection, "(?i)(password)=[^;]*", "$1=…")}";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notify.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
