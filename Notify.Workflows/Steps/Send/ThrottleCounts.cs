using Notify.Domain.Messaging;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Send;

/// <summary>
/// A flow's limit on messages per person and channel, as one send step applies it: what each person has had in the
/// window (read once per step), plus what this step queues for them.
/// </summary>
internal sealed class ThrottleCounts
{
    private readonly ThrottleDefinition _throttle;
    private readonly Dictionary<(string Contact, Channel Channel), int> _had;

    private ThrottleCounts(ThrottleDefinition throttle, Dictionary<(string, Channel), int> had) => (_throttle, _had) = (throttle, had);

    /// <summary>The counts for these people on these channels, or null when the flow has no limit.</summary>
    public static async Task<ThrottleCounts?> LoadAsync(StepContext context, IReadOnlyList<Recipient> people, IReadOnlyList<string> channelNames, CancellationToken ct)
    {
        if (context.Throttle is not { } throttle)
        {
            return null;
        }

        var since = context.Calendar.Shift(context.Now, throttle.Per.Amount, throttle.Per.Unit, OffsetDirection.Before);
        var channels = channelNames.Select(n => ChannelNames.TryParse(n, out var c) ? c : (Channel?)null).OfType<Channel>().Distinct().ToList();
        var had = new Dictionary<(string, Channel), int>();
        foreach (var contact in people.Select(p => p.Contact?.Key).OfType<string>().Distinct())
        {
            foreach (var channel in channels)
            {
                had[(contact, channel)] = await context.Reads.MessagesSinceAsync(contact, channel, throttle.AcrossFlows ? null : context.FlowKey, since, ct);
            }
        }

        return new ThrottleCounts(throttle, had);
    }

    /// <summary>Why this person gets no more on this channel now, or null when they may.</summary>
    public string? HoldBack(Recipient person, Channel channel)
    {
        if (person.Contact?.Key is not { } key || _had.GetValueOrDefault((key, channel)) < _throttle.Max)
        {
            return null;
        }

        var from = _throttle.AcrossFlows ? "" : " from this flow";
        return $"held back: already {_had[(key, channel)]} {channel.ToName()} {(_had[(key, channel)] == 1 ? "message" : "messages")}{from} in the last {_throttle.Per} ({_throttle})";
    }

    /// <summary>This step queued one more for the person on the channel.</summary>
    public void Took(Recipient person, Channel channel)
    {
        if (person.Contact?.Key is { } key)
        {
            _had[(key, channel)] = _had.GetValueOrDefault((key, channel)) + 1;
        }
    }
}
