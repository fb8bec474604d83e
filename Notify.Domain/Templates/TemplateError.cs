namespace Notify.Domain.Templates;

/// <summary>Why a template does not compile, and where (1-based line and column) when that is known.</summary>
public sealed record TemplateError(string Message, int? Line, int? Column)
{
    public override string ToString() => Line is null ? Message : $"line {Line}, column {Column}: {Message}";
}
