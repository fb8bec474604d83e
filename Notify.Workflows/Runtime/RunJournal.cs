using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Notify.Workflows.Runtime;

/// <summary>
/// A run's journal as stored: one JSON array in the run's own row, oldest line first, each line
/// <c>{"at","step","kind","verdict","message"}</c>. A line is appended without reading the lines before it, and
/// reading tolerates what earlier releases wrote (a verdict this release does not know reads as
/// <see cref="JournalVerdict.Noted"/>; a time with a space instead of a <c>T</c>, or with an offset, reads as UTC).
/// </summary>
public static class RunJournal
{
    public const string Empty = "[]";

    private static readonly JsonWriterOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored journal with <paramref name="line"/> added at the end.</summary>
    public static string Append(string stored, JournalEntry line)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            writer.WriteString("at", DateTime.SpecifyKind(line.At, DateTimeKind.Utc));
            writer.WriteString("step", line.StepId);
            writer.WriteString("kind", line.Kind);
            writer.WriteString("verdict", line.Verdict.ToString());
            writer.WriteString("message", line.Message);
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var head = stored.AsSpan().Trim();
        if (head.Length < 2 || head[0] != '[' || head[^1] != ']' || head[1..^1].IsWhiteSpace())
        {
            return "[" + json + "]";
        }

        return string.Concat(head[..^1], ",", json, "]");
    }

    /// <summary>The lines of a stored journal, oldest first.</summary>
    public static IReadOnlyList<JournalEntry> Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        using var document = JsonDocument.Parse(stored);
        var lines = new List<JournalEntry>(document.RootElement.GetArrayLength());
        foreach (var line in document.RootElement.EnumerateArray())
        {
            lines.Add(new JournalEntry(
                ReadTime(line),
                Text(line, "step"),
                Text(line, "kind"),
                JournalVerdicts.Parse(Text(line, "verdict")),
                Text(line, "message")));
        }

        return lines;
    }

    private static string Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static DateTime ReadTime(JsonElement line) =>
        DateTime.TryParse(Text(line, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : DateTime.MinValue;
}
