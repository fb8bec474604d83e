namespace Notify.Workflows.Runtime;

/// <summary>How often, and how long apart, a run whose pass throws is tried again before it is faulted.</summary>
public static class RunRetryPolicy
{
    public const int DefaultMaxAttempts = 5;

    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>When to try again after <paramref name="failedAttempts"/> failures in a row; null when none of <paramref name="maxAttempts"/> are left.</summary>
    public static DateTime? NextAttempt(int failedAttempts, int maxAttempts, DateTime now) =>
        failedAttempts >= maxAttempts ? null : now + Delays[Math.Clamp(failedAttempts - 1, 0, Delays.Length - 1)];
}
