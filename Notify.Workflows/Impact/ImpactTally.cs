using Notify.Domain.Records;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Impact;

/// <summary>Adds up one version's dry runs: totals, who was reached, and what each record got.</summary>
internal sealed class ImpactTally
{
    private int _runs;
    private int _sms;
    private int _email;
    private int _inApp;
    private int _segments;

    public Dictionary<string, string> People { get; } = new(StringComparer.Ordinal);

    /// <summary>Per record: how many messages, and to whom (person and channel), so equal counts to other people still differ.</summary>
    public Dictionary<(string Type, string Key), (int Messages, HashSet<string> To)> Records { get; } = [];

    public void Add(RecordSnapshot record, DryRunResult run)
    {
        if (!run.Started)
        {
            return;
        }

        _runs++;
        foreach (var message in run.Messages.Where(m => m.Channel != "webhook")) // a call to another system reaches no person
        {
            switch (message.Channel)
            {
                case "sms":
                    _sms++;
                    _segments += message.Segments;
                    break;
                case "email":
                    _email++;
                    break;
                default:
                    _inApp++;
                    break;
            }

            var who = message.Contact ?? message.Address;
            People.TryAdd(who, message.Name ?? who);
            var key = (record.Type, record.Key);
            var (count, to) = Records.TryGetValue(key, out var seen) ? seen : (0, new HashSet<string>(StringComparer.Ordinal));
            to.Add($"{who}|{message.Channel}");
            Records[key] = (count + 1, to);
        }
    }

    public ImpactTotals Totals(int events, decimal? price) =>
        new(events, _runs, new ImpactMessages(_sms, _email, _inApp), _segments, price * _segments, People.Count);
}
