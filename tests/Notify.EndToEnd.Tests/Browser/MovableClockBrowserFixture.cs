using Microsoft.Extensions.DependencyInjection;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The browser fixture's app on a clock a test can move forward: "two hours later" without waiting two hours.</summary>
public sealed class MovableClockBrowserFixture : BrowserFixture
{
    public MovableClock Clock { get; } = new();

    /// <summary>Quiet hours hold email as well as SMS here; the organisation has no window of its own, so only people's own windows hold anything.</summary>
    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = await base.SettingsAsync();
        settings["Notify:QuietHours:Channels:0"] = "sms";
        settings["Notify:QuietHours:Channels:1"] = "email";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>The machine's time, moved forward by <see cref="Ahead"/>; timers run on real time, so the workers keep polling.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _aheadTicks;

    public TimeSpan Ahead => TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public void MoveForward(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
}
