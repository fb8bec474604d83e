using Notify.Domain.Messaging;

namespace Notify.Workflows.Retention;

/// <summary>
/// What retention deleted of one record's history: how many messages (by channel, and how many failed or were left
/// out), runs, events and replies, and the span of time they covered. Kept for as long as the record is, so its page can still say
/// what happened before the send log's window.
/// </summary>
public sealed class RecordHistorySummary
{
    private RecordHistorySummary()
    {
    }

    public string RecordType { get; private set; } = "";

    public string RecordKey { get; private set; } = "";

    public int Messages { get; private set; }

    public int Sms { get; private set; }

    public int Emails { get; private set; }

    public int InApp { get; private set; }

    public int Webhooks { get; private set; }

    /// <summary>Messages that failed for good.</summary>
    public int Failed { get; private set; }

    /// <summary>Messages left out (no address, no consent, quiet hours…) or withdrawn.</summary>
    public int Skipped { get; private set; }

    public int Runs { get; private set; }

    /// <summary>What happened to the record (created, status changed, a custom event…).</summary>
    public int Events { get; private set; }

    /// <summary>People's answers to its messages.</summary>
    public int Replies { get; private set; }

    /// <summary>The oldest deleted message, run, event or reply (UTC).</summary>
    public DateTime From { get; private set; }

    /// <summary>The newest deleted message, run, event or reply (UTC).</summary>
    public DateTime To { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal static RecordHistorySummary For(string recordType, string recordKey) => new() { RecordType = recordType, RecordKey = recordKey, From = DateTime.MaxValue };

    internal void AddMessages(DeletedMessages m, DateTime now)
    {
        Messages += m.Messages;
        Sms += m.Sms;
        Emails += m.Emails;
        InApp += m.InApp;
        Webhooks += m.Webhooks;
        Failed += m.Failed;
        Skipped += m.Skipped;
        Span(m.From, m.To, now);
    }

    internal void AddRuns(int runs, DateTime from, DateTime to, DateTime now)
    {
        Runs += runs;
        Span(from, to, now);
    }

    internal void AddEvents(int events, DateTime from, DateTime to, DateTime now)
    {
        Events += events;
        Span(from, to, now);
    }

    internal void AddReplies(int replies, DateTime from, DateTime to, DateTime now)
    {
        Replies += replies;
        Span(from, to, now);
    }

    private void Span(DateTime from, DateTime to, DateTime now)
    {
        From = from < From ? from : From;
        To = to > To ? to : To;
        UpdatedAt = now;
    }
}

/// <summary>One record's messages in one deleted chunk, counted before they go.</summary>
internal sealed record DeletedMessages(
    string RecordType, string RecordKey, int Messages, int Sms, int Emails, int InApp, int Webhooks, int Failed, int Skipped, DateTime From, DateTime To);
