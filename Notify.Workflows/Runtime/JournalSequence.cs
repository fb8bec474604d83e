namespace Notify.Workflows.Runtime;

/// <summary>
/// Ids for journal lines, made by the writer instead of the database so a pass's lines are inserted in one batch
/// without reading generated keys back. An id is the time in microseconds, shifted left 8 bits, with this
/// process's random node number in the low 8 bits: ids only grow within a process, and two processes on one
/// database (PostgreSQL) do not collide unless they drew the same node number and the same microsecond.
/// </summary>
internal static class JournalSequence
{
    private static readonly long Node = Random.Shared.Next(256);
    private static long _last;

    public static long Next(DateTimeOffset now)
    {
        var candidate = (now.ToUnixTimeMilliseconds() * 1000 << 8) | Node;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(candidate, last + 256);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
