using System.Diagnostics.Metrics;
using Notify.Domain.Messaging;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Observability;

/// <summary>
/// What an operator watches: events coming in, runs starting and ending, how long steps take, deliveries by channel and
/// outcome, and how late due runs are picked up. One meter, <see cref="MeterName"/>, exported by OpenTelemetry.
/// </summary>
public sealed class NotifyMetrics
{
    public const string MeterName = "Notify";

    private readonly Counter<long> _events;
    private readonly Counter<long> _runsStarted;
    private readonly Counter<long> _runsEnded;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _dueRunLag;

    public NotifyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>("notify.events.ingested", "{event}", "Events stored: custom ones and those derived from record changes.");
        _runsStarted = meter.CreateCounter<long>("notify.runs.started", "{run}", "Runs started by an event or a deadline.");
        _runsEnded = meter.CreateCounter<long>("notify.runs.ended", "{run}", "Runs that reached an end, by status (completed, nobody_reached, failed, faulted, cancelled).");
        _stepDuration = meter.CreateHistogram<double>("notify.step.duration", "s", "Time one step took to decide, by step kind.");
        _deliveries = meter.CreateCounter<long>("notify.deliveries", "{delivery}", "Delivery attempts by channel and outcome.");
        _dueRunLag = meter.CreateHistogram<double>("notify.runs.due_lag", "s", "How late a due run was picked up: now minus its resume time.");
    }

    public void EventsIngested(int count)
    {
        if (count > 0) _events.Add(count);
    }

    public void RunsStarted(int count)
    {
        if (count > 0) _runsStarted.Add(count);
    }

    public void RunEnded(RunStatus status) => _runsEnded.Add(1, new KeyValuePair<string, object?>("status", StatusTag(status)));

    public void StepTook(string kind, TimeSpan elapsed) => _stepDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void DeliveryAttempted(Channel channel, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("outcome", outcome));

    public void DueRunPicked(TimeSpan lag) => _dueRunLag.Record(Math.Max(0, lag.TotalSeconds));

    private static string StatusTag(RunStatus status) => status switch
    {
        RunStatus.NobodyReached => "nobody_reached",
        _ => status.ToString().ToLowerInvariant(),
    };
}
