namespace Notify.Domain.Templates;

/// <summary>A template that compiled but could not be rendered with the data it was given.</summary>
public sealed class TemplateRenderException(string message, Exception? inner = null) : Exception(message, inner);
