using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Notify.LoadTest;

/// <summary>The app with its own database, demo data off, and a known key.</summary>
internal sealed class LoadFactory(string databaseFile, string policy) : WebApplicationFactory<Program>
{
    public const string ApiKey = "load-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Notify", $"Data Source={databaseFile}");
        builder.UseSetting("Notify:Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("Notify:Demo:Seed", "false");
        builder.UseSetting("Notify:Engine:Execution", policy);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
