using Notify.EndToEnd.Tests.ScaleOut;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The browser fixture's app on a real PostgreSQL server instead of SQLite, for the screens that must work the same on both.</summary>
public sealed class PostgresBrowserFixture : BrowserFixture
{
    private readonly PostgresServerFixture _postgres = new();

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        await _postgres.InitializeAsync();
        var settings = await base.SettingsAsync();
        settings["Notify:Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Notify"] = _postgres.ConnectionString("notify_browser");
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
