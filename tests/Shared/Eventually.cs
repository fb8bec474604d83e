namespace Notify.Tests.Shared;

/// <summary>Waits for background work (the run worker, the dispatcher) to produce a result; never asserts on time.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
