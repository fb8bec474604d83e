namespace Notify.Domain.Templates;

/// <summary>Why a template does not compile, and where (1-based line and column) when that is known.</summary>
public sealed record TemplateError(string Message, int? Line, int? Column)
{
    public override string ToString() => Line is null ? Message : $"line {Line}, column {Column}: {Message}";

    /// <summary>
    /// An error Fluid threw, whose message ends with its position: "Unknown tag 'nope' at (2:16)". Fluid stops just
    /// after what it could not read; the column given is where that tag or output (<c>{%</c>, <c>{{</c>) begins.
    /// </summary>
    internal static TemplateError FromFluidMessage(string message, string text)
    {
        var error = FromFluidMessage(message);
        if (error.Line is not { } line || error.Column is not { } column)
        {
            return error;
        }

        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return error;
        }

        var upTo = lines[line - 1][..Math.Clamp(column - 1, 0, lines[line - 1].Length)];
        var start = Math.Max(upTo.LastIndexOf("{%", StringComparison.Ordinal), upTo.LastIndexOf("{{", StringComparison.Ordinal));
        return start < 0 ? error : error with { Column = start + 1 };
    }

    private static TemplateError FromFluidMessage(string message)
    {
        message = message.Split('\n')[0].Trim();
        var at = message.LastIndexOf(" at (", StringComparison.Ordinal);
        var end = at < 0 ? -1 : message.IndexOf(')', at);
        var position = at < 0 || end < 0 ? [] : message[(at + 5)..end].Split(':');
        return position.Length == 2 && int.TryParse(position[0], out var line) && int.TryParse(position[1], out var column)
            ? new TemplateError(message[..at], line, column)
            : new TemplateError(message, null, null);
    }
}
