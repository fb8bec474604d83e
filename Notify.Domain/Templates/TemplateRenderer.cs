using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Notify.Domain.Templates;

/// <summary>
/// Liquid templates through Fluid, with this renderer's own options (no global state). Templates see only the plain
/// data handed to them (dictionaries, lists, strings, numbers, dates), and every render is bounded: statements
/// executed, recursion and output length; loops over literal ranges larger than <see cref="MaxRange"/> are refused
/// when the template is saved, since Fluid builds the whole range before its step limit can stop it.
/// </summary>
public sealed class TemplateRenderer
{
    public const int MaxOutputLength = 100_000;
    public const int MaxSteps = 100_000;
    public const int MaxRange = 1_000;
    private const int MaxCached = 2_000;

    /// <summary>Escapes what HTML needs escaped (&lt; &gt; &amp; quotes) and leaves letters such as æ ø å as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public TemplateRenderer()
    {
        _options = new TemplateOptions
        {
            MaxSteps = MaxSteps,
            MaxRecursion = 20,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
    }

    /// <summary>Null when the text can be saved; otherwise the problem and, when known, its line and column.</summary>
    public TemplateError? Validate(string text)
    {
        if (!TryParse(text, out var template, out var error))
        {
            return error;
        }

        return TemplateFields.Of(template).RangeProblem;
    }

    /// <summary>The merge fields the text uses (<c>recipient.first_name</c>), for checks and the palette; empty when it does not parse.</summary>
    public TemplateFields Fields(string? text) =>
        !string.IsNullOrEmpty(text) && TryParse(text, out var template, out _) ? TemplateFields.Of(template) : TemplateFields.None;

    /// <summary>
    /// Renders plain text (SMS, in-app, email subject and text), with day and month names in <paramref name="culture"/>
    /// (invariant by default). A template that fails throws <see cref="TemplateRenderException"/>.
    /// </summary>
    public string Render(string? text, IReadOnlyDictionary<string, object?> model, CultureInfo? culture = null) => Render(text, model, NullEncoder.Default, culture);

    /// <summary>Renders email HTML: every value inserted is HTML-escaped, unless the template passes it through <c>raw</c>.</summary>
    public string RenderHtml(string? text, IReadOnlyDictionary<string, object?> model, CultureInfo? culture = null) => Render(text, model, Html, culture);

    private string Render(string? text, IReadOnlyDictionary<string, object?> model, TextEncoder encoder, CultureInfo? culture)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!TryParse(text, out var template, out var error))
        {
            throw new TemplateRenderException(error.ToString());
        }

        var context = new TemplateContext(_options) { CultureInfo = culture ?? CultureInfo.InvariantCulture };
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        using var output = new CappedWriter(MaxOutputLength);
        try
        {
            template.RenderAsync(output, encoder, context).AsTask().GetAwaiter().GetResult();
        }
        catch (CappedWriter.FullException)
        {
            throw new TemplateRenderException($"The message would be longer than {MaxOutputLength:N0} characters, so it was stopped.");
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("statement", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateRenderException($"The template takes more than {MaxSteps:N0} steps (a loop that repeats too often?), so it was stopped.", ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateRenderException("The template calls itself too deeply, so it was stopped.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not TemplateRenderException)
        {
            throw new TemplateRenderException($"The template could not be rendered: {ex.Message}", ex);
        }

        return output.ToString();
    }

    private bool TryParse(string text, out IFluidTemplate template, out TemplateError error)
    {
        if (_parsed.TryGetValue(text, out template!))
        {
            error = null!;
            return true;
        }

        // Fluid reports where it stopped at the end of its message: "Unknown tag 'nope' at (2:16)".
        try
        {
            template = _parser.Parse(text);
        }
        catch (ParseException ex)
        {
            error = TemplateError.FromFluidMessage(ex.Message, text);
            template = null!;
            return false;
        }

        if (_parsed.Count >= MaxCached)
        {
            _parsed.Clear();
        }

        _parsed[text] = template;
        error = null!;
        return true;
    }
}
