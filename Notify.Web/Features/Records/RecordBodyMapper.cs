using System.Globalization;
using System.Text.RegularExpressions;
using Notify.Domain.Common;
using Notify.Domain.Records;

namespace Notify.Web.Features.Records;

public static partial class RecordBodyMapper
{
    public static RecordState ToState(RecordBody body)
    {
        DateTimeOffset? deadline = null;
        if (!string.IsNullOrWhiteSpace(body.Deadline))
        {
            if (!OffsetPattern().IsMatch(body.Deadline.Trim())
                || !DateTimeOffset.TryParse(body.Deadline, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new ValidationException("deadline", "must be an ISO 8601 time with an offset, e.g. 2026-11-24T12:00:00+01:00 or …Z.");
            }

            deadline = parsed;
        }

        return new RecordState
        {
            Status = body.Status,
            Title = body.Title,
            Deadline = deadline,
            Assignees = body.Assignees ?? [],
            Contacts = Contacts(body.Contacts),
            Links = body.Links ?? [],
            Data = body.Data ?? [],
        };
    }

    /// <summary>Each role's contact key, or list of keys, as the record stores it; anything else is refused naming the role.</summary>
    private static Dictionary<string, string> Contacts(Dictionary<string, System.Text.Json.JsonElement>? contacts)
    {
        var result = new Dictionary<string, string>();
        var errors = new List<FieldError>();
        foreach (var (role, value) in contacts ?? [])
        {
            var keys = value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => [value.GetString()!],
                System.Text.Json.JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == System.Text.Json.JsonValueKind.String) =>
                    value.EnumerateArray().Select(e => e.GetString()!).ToList(),
                _ => (List<string>?)null,
            };
            if (keys is null || keys.Count == 0 || keys.Any(k => k.Contains(',', StringComparison.Ordinal)))
            {
                errors.Add(new FieldError($"contacts.{role}", "must be a contact key or a list of contact keys, e.g. \"ola\" or [\"lise\", \"ola\"]."));
                continue;
            }

            result[role] = RoleContacts.Join(keys);
        }

        if (errors.Count > 0) throw new ValidationException(errors);
        return result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();
}
