using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DotLiquid;
using DotLiquid.Exceptions;

namespace Notify.Domain.Templates;

/// <summary>
/// Liquid templates through DotLiquid. Templates see only the plain data handed to them (dictionaries,
/// lists, strings, numbers, dates): no .NET object is reachable, and rendering is bounded in steps and time.
/// </summary>
public sealed partial class LiquidRenderer
{
    public const int MaxOutputLength = 100_000;
    public const int MaxIterations = 10_000;
    private const int MaxCached = 2_000;
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    static LiquidRenderer()
    {
        Liquid.UseRubyDateFormat = true;
    }

    /// <summary>Null when the text compiles; otherwise the message and, when it can be found, the position.</summary>
    public TemplateError? Validate(string text)
    {
        try
        {
            Template.Parse(text);
            return null;
        }
        catch (LiquidException ex)
        {
            return Locate(text, ex.Message);
        }
    }

    /// <summary>Renders the text with the model; a template that fails to render throws <see cref="TemplateRenderException"/>.</summary>
    public string Render(string? text, IReadOnlyDictionary<string, object?> model)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var template = Parse(text);
        var parameters = new RenderParameters(CultureInfo.InvariantCulture)
        {
            LocalVariables = ToHash(model),
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
            MaxIterations = MaxIterations,
            Timeout = 2_000,
        };
        try
        {
            var output = template.Render(parameters);
            return output.Length > MaxOutputLength
                ? throw new TemplateRenderException($"The message is longer than {MaxOutputLength} characters.")
                : output;
        }
        catch (MaximumIterationsExceededException ex)
        {
            throw new TemplateRenderException(
                $"The template repeats more than {MaxIterations:N0} times (a 'for' over a very large range?), so it was stopped.", ex);
        }
        catch (Exception ex) when (ex is LiquidException or System.ArgumentException or InvalidOperationException or TimeoutException)
        {
            throw new TemplateRenderException(ex is TimeoutException ? "The template took more than 2 seconds to render, so it was stopped." : ex.Message, ex);
        }
    }

    private Template Parse(string text)
    {
        if (_parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        Template parsed;
        try
        {
            parsed = Template.Parse(text);
        }
        catch (LiquidException ex)
        {
            throw new TemplateRenderException(Locate(text, ex.Message).ToString(), ex);
        }

        if (_parsed.Count >= MaxCached)
        {
            _parsed.Clear();
        }

        _parsed[text] = parsed;
        return parsed;
    }

    private static Hash ToHash(IReadOnlyDictionary<string, object?> values)
    {
        var hash = new Hash();
        foreach (var (key, value) in values)
        {
            hash[key] = ToLiquid(value);
        }

        return hash;
    }

    private static object? ToLiquid(object? value) => value switch
    {
        null => null,
        string or bool or int or long or decimal or double or DateTime => value,
        IReadOnlyDictionary<string, object?> dict => ToHash(dict),
        IEnumerable list => list.Cast<object?>().Select(ToLiquid).ToList(),
        _ => value.ToString(),
    };

    private static TemplateError Locate(string text, string message)
    {
        var clean = message.Replace("Liquid syntax error: ", "", StringComparison.Ordinal).Trim();
        var index = -1;
        var quoted = QuotedName().Match(clean);
        if (quoted.Success)
        {
            index = FindTag(text, quoted.Groups[1].Value);
        }

        if (index < 0 && clean.Contains("never closed", StringComparison.OrdinalIgnoreCase))
        {
            var tag = clean.Split(' ', 2)[0];
            index = FindTag(text, tag);
        }

        if (index < 0 && clean.Contains("terminated", StringComparison.OrdinalIgnoreCase))
        {
            index = FindUnterminated(text);
        }

        if (index < 0)
        {
            return new TemplateError(clean, null, null);
        }

        var line = 1 + text[..index].Count(c => c == '\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        if (index > 0 && text[index - 1] == '\n')
        {
            column = 1;
        }

        return new TemplateError(clean, line, column);
    }

    private static int FindTag(string text, string name)
    {
        var match = Regex.Match(text, @"\{%-?\s*" + Regex.Escape(name) + @"\b");
        return match.Success ? match.Index : -1;
    }

    private static int FindUnterminated(string text)
    {
        foreach (var (open, close) in new[] { ("{{", "}}"), ("{%", "%}") })
        {
            var start = 0;
            while ((start = text.IndexOf(open, start, StringComparison.Ordinal)) >= 0)
            {
                var end = text.IndexOf(close, start + 2, StringComparison.Ordinal);
                var nextOpen = text.IndexOf(open, start + 2, StringComparison.Ordinal);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end))
                {
                    return start;
                }

                start = end + 2;
            }
        }

        return -1;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();
}
