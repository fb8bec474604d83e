namespace Notify.Workflows.Runtime;

/// <summary>Lets a writer wake a polling worker at once instead of at its next poll.</summary>
public class WakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _signal.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // timeout: poll
        }
    }
}

/// <summary>Wakes the due-runs worker.</summary>
public sealed class RunsWakeUp : WakeUp;

/// <summary>Wakes the delivery dispatcher.</summary>
public sealed class DeliveriesWakeUp : WakeUp;
