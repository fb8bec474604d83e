using Microsoft.Extensions.DependencyInjection;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The browser fixture's app on a clock a test can move forward: "two hours later" without waiting two hours.</summary>
public sealed class MovableClockBrowserFixture : BrowserFixture
{
    public const string WebhookSecret = "team-chat-signing-secret";

    public MovableClock Clock { get; } = new();

    /// <summary>Moves the app's clock on; the admin signs in again on the next page, as a cookie older than 12 hours of app time has run out.</summary>
    public async Task MoveClockForwardAsync(TimeSpan by)
    {
        Clock.MoveForward(by);
        await ForgetSignInAsync();
    }

    /// <summary>A host system's webhook on a loopback port, which the app may call.</summary>
    public Notify.Tests.Shared.WebhookReceiver Receiver { get; } = new(WebhookSecret);

    /// <summary>Quiet hours hold email as well as SMS here; the organisation has no window of its own, so only people's own windows hold anything.</summary>
    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = await base.SettingsAsync();
        settings["Notify:QuietHours:Channels:0"] = "sms";
        settings["Notify:QuietHours:Channels:1"] = "email";
        settings["Notify:Webhooks:AllowedHosts:0"] = "127.0.0.1";
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
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
