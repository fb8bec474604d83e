using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

public sealed class JournalSequenceTests
{
    [Fact]
    public void Next_GrowsWithinAProcess_EvenWithinOneMillisecond_AndKeepsItsNodeInTheLowBits()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 5000).Select(_ => JournalSequence.Next(now)).ToList();

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Single(ids.Select(id => id & 0xFFFF).Distinct()); // one node number, so another process's series never meets it
    }

    [Fact]
    public void Next_IsAboveEveryIdOfTheEarlierScheme_SoTheJournalKeepsItsOrderAcrossAnUpgrade()
    {
        var now = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        var earlierSchemeAtTheSameTime = (now.ToUnixTimeMilliseconds() * 1000 << 8) | 255;

        Assert.True(JournalSequence.Next(now) > earlierSchemeAtTheSameTime);
        Assert.True(JournalSequence.Next(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero)) > 0); // no overflow for a long while
    }
}
