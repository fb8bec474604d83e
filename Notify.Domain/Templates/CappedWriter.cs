using System.Text;

namespace Notify.Domain.Templates;

/// <summary>A string writer that refuses to grow past a size: a template cannot flood a message or the memory.</summary>
internal sealed class CappedWriter(int maxLength) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Check(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    private void Check(int adding)
    {
        if (GetStringBuilder().Length + adding > maxLength)
        {
            throw new FullException();
        }
    }

    /// <summary>Thrown when a write would pass the cap.</summary>
    public sealed class FullException : Exception;
}
