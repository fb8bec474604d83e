namespace Notify.Workflows.Runtime;

/// <summary>
/// Ids for journal lines, made by the writer instead of the database so a pass's lines are inserted in one batch
/// without reading generated keys back. An id is the time in 64-microsecond steps, shifted left 16 bits, with this
/// process's random node number (one of 65,536) in the low 16 bits: ids only grow within a process, and two processes
/// on one database (PostgreSQL) write in disjoint id series unless they drew the same node number (1 in 65,536; with
/// 256 numbers a two-node run once drew the same one and two journal lines collided). Ids stay above those of the
/// earlier scheme (microseconds shifted 8 bits), so the journal's order holds across an upgrade; they fit a long until
/// the 23rd century.
/// </summary>
internal static class JournalSequence
{
    private const int NodeBits = 16;
    private static readonly long Node = Random.Shared.Next(1 << NodeBits);
    private static long _last;

    public static long Next(DateTimeOffset now)
    {
        var candidate = ((now.ToUnixTimeMilliseconds() * 1000 >> 6) << NodeBits) | Node;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(candidate, last + (1L << NodeBits));
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
