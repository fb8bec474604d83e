namespace Notify.Workflows.Dispatch;

/// <summary>Exponential backoff with jitter: about 30 s, 1 min, 2 min… capped at one hour.</summary>
public static class RetryPolicy
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    public static TimeSpan Delay(int attempt, Random random)
    {
        var exponential = First.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, Cap.TotalSeconds);
        var jitter = 0.8 + (random.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(capped * jitter);
    }
}
