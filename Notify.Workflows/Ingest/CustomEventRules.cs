using Notify.Domain.Common;
using Notify.Domain.Records;

namespace Notify.Workflows.Ingest;

/// <summary>What a custom event must look like before it is stored.</summary>
internal static class CustomEventRules
{
    public static void Validate(CustomEvent request, string? idempotencyKey)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Type) || request.Type.Length > 100 || request.Type.Any(char.IsWhiteSpace))
        {
            errors.Add(new FieldError("type", "is required: a name such as 'booking.confirmed' (no spaces, at most 100 characters)."));
        }
        else if (EventTypes.IsBuiltIn(request.Type))
        {
            errors.Add(new FieldError("type", $"'{request.Type}' is derived by Notify from record upserts; use PUT /api/v1/records instead."));
        }

        if (!Keys.IsValid(request.RecordType)) errors.Add(new FieldError("record.type", "is required and must be a key."));
        if (!Keys.IsValid(request.RecordKey)) errors.Add(new FieldError("record.key", "is required and must be a key."));
        if (idempotencyKey is { Length: > 200 }) errors.Add(new FieldError("Idempotency-Key", "is longer than 200 characters."));
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
