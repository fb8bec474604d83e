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
            Contacts = body.Contacts ?? [],
            Data = body.Data ?? [],
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();
}
