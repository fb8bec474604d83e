namespace Notify.Workflows.Retention;

/// <summary><c>Notify:Retention</c>: how long the send log, runs and their journals are kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>Messages, runs and journal lines older than this many days are deleted; 0 keeps everything.</summary>
    public int Days { get; set; } = 365;

    /// <summary>How many rows one delete takes: small, so ingestion never waits long behind it.</summary>
    public int ChunkSize { get; set; } = 1_000;
}
