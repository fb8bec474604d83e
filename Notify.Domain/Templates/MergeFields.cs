using Notify.Domain.Common;

namespace Notify.Domain.Templates;

/// <summary>
/// The merge fields every template may use, grouped as the palette shows them. Under <c>record.data</c>,
/// <c>previous.data</c>, <c>event.data</c> and <c>record.contacts</c> any key is allowed (the host system's own data).
/// </summary>
public static class MergeFields
{
    /// <summary>Every field, then a few fields with the filters people most often need (date formats, <c>default</c>, <c>upcase</c>).</summary>
    public static IReadOnlyList<MergeField> All { get; } =
    [
        new("Recipient", "recipient.first_name", "First name"),
        new("Recipient", "recipient.name", "Full name"),
        new("Recipient", "recipient.email", "Email address"),
        new("Recipient", "recipient.phone", "Phone number"),
        new("Recipient", "recipient.language", "Language"),
        new("Recipient", "recipient.key", "Contact key"),
        new("Record", "record.key", "Key (order or task number)"),
        new("Record", "record.title", "Title"),
        new("Record", "record.status", "Status"),
        new("Record", "record.type", "Type"),
        new("Record", "record.deadline", "Deadline", "date: '%d.%m %H:%M'"),
        new("Record", "record.assignees", "Assignees", "join: ', '"),
        new("Record", "previous.status", "Status before the change"),
        new("Links", "record.link", "Link to the record"),
        new("Event", "event.type", "Event type"),
        new("Event", "event.from_status", "Status changed from"),
        new("Event", "event.to_status", "Status changed to"),
        new("Event", "event.added_assignees", "Newly assigned", "join: ', '"),
        new("Company", "company.name", "Company name"),
        new("Company", "company.phone", "Company phone"),
        new("Company", "company.email", "Company email"),
        new("Company", "company.address", "Company address"),
        new("Company", "company.logo_url", "Logo address"),
        new("Time", "now", "Now", "date: '%d.%m.%Y %H:%M'"),
        new("Formats", "record.deadline", "Deadline as 'fredag 06 oktober, 07:00'", "date: '%A %d %B, %H:%M'"),
        new("Formats", "record.deadline", "Deadline as '06.10.2026'", "date: '%d.%m.%Y'"),
        new("Formats", "record.title", "Title in capitals", "upcase"),
        new("Formats", "recipient.first_name", "First name, or 'there' when unknown", "default: 'there'"),
    ];

    /// <summary>Objects whose keys are the host's own: any key below them is a field.</summary>
    public static IReadOnlyList<string> OpenPrefixes { get; } = ["record.data", "previous.data", "event.data", "record.contacts", "previous.contacts"];

    private static readonly HashSet<string> Known = All.Select(f => f.Path)
        .Concat(All.Where(f => f.Path.StartsWith("record.", StringComparison.Ordinal)).Select(f => "previous." + f.Path[7..]))
        .Concat(["recipient", "record", "previous", "event", "company"]).Concat(OpenPrefixes).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string path) =>
        Known.Contains(path) || OpenPrefixes.Any(p => path.StartsWith(p + ".", StringComparison.Ordinal));

    /// <summary>Every merge field a text uses that Notify does not know, with the nearest known one when there is one.</summary>
    public static IEnumerable<string> Unknown(TemplateFields fields) => fields.MergeFields.Where(p => !IsKnown(p));

    /// <summary>"did you mean 'recipient.first_name'?" for a near miss; null when nothing is near.</summary>
    public static string? Suggest(string path)
    {
        var best = Known.Select(k => (Field: k, Distance: Distance(path, k))).MinBy(x => x.Distance);
        return best.Distance <= Math.Max(2, path.Length / 4) ? best.Field : null;
    }

    /// <summary>Warnings for the parts of one language's text: unknown fields, named by part (<c>sms</c>, <c>translations.sv.inApp</c>).</summary>
    public static IEnumerable<FieldError> Warnings(TemplateRenderer renderer, TemplateContent content, string prefix = "")
    {
        foreach (var (part, text) in content.Parts())
        {
            foreach (var unknown in Unknown(renderer.Fields(text)))
            {
                var suggestion = Suggest(unknown);
                yield return new FieldError(prefix + part, $"'{unknown}' is not a merge field, so it prints nothing" +
                    (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
            }
        }
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

/// <summary>One merge field as the palette offers it: its group, its path, what it is, and a filter it usually needs.</summary>
public sealed record MergeField(string Group, string Path, string Label, string? Filter = null)
{
    /// <summary>What clicking it inserts: <c>{{ record.deadline | date: '%d.%m %H:%M' }}</c>.</summary>
    public string Liquid => Filter is null ? $"{{{{ {Path} }}}}" : $"{{{{ {Path} | {Filter} }}}}";
}
