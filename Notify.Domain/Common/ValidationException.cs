namespace Notify.Domain.Common;

/// <summary>Input that breaks a rule of the domain; carries every field that is wrong.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
