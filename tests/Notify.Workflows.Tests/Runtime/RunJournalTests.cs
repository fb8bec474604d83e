using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>A run's journal as one JSON text: what is appended reads back exactly, whatever the words hold.</summary>
public sealed class RunJournalTests
{
    [Fact]
    public void Appended_ReadsBack_InOrder_WithEveryCharacter()
    {
        var random = new Random(20261207);
        string[] alphabet = ["a", "b", "æ", "ø", "å", "Æ", "Ø", "Å", "ä", "ö", " ", "\"", "\\", "/", "\n", "\r", "\t", "{", "}", "[", "]", ",", ":", "«", "»", "–", "😀", "\u0001", "\u2028", "<", ">", "&", "'", "%"];
        var written = new List<JournalEntry>();
        var stored = RunJournal.Empty;
        var start = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 200; i++)
        {
            var message = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var line = new JournalEntry(start.AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 400)), $"step-{i % 7}", i % 3 == 0 ? "send" : "condition",
                Enum.GetValues<JournalVerdict>()[random.Next(Enum.GetValues<JournalVerdict>().Length)], message);
            written.Add(line);
            stored = RunJournal.Append(stored, line);
        }

        Assert.Equal(written, RunJournal.Read(stored));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    public void NothingWritten_ReadsAsNoLines_AndTakesAFirstLine(string? stored)
    {
        Assert.Empty(RunJournal.Read(stored));
        var line = new JournalEntry(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), "trigger", "trigger", JournalVerdict.Scheduled, "waiting");

        Assert.Equal([line], RunJournal.Read(RunJournal.Append(stored ?? "", line)));
    }
}
