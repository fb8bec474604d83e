using System.Globalization;
using System.Text.Json;
using Notify.Domain.Common;

namespace Notify.Web.Features.Flows.DryRun;

/// <summary>One value of a custom event's data as the admin types it in a trial: a name, a kind and the text of the value.</summary>
public sealed class EventDataRow
{
    public string Key { get; set; } = "";

    /// <summary>One of <see cref="JsonValueKinds"/>' number, yes/no, date or text.</summary>
    public string Kind { get; set; } = JsonValueKinds.Text;

    public string? Value { get; set; }

    /// <summary>Offered because stored events of this type carry it.</summary>
    public bool Known { get; init; }

    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
        [(JsonValueKinds.Text, "Text"), (JsonValueKinds.Number, "Number"), (JsonValueKinds.YesNo, "Yes or no"), (JsonValueKinds.Date, "Date")];

    /// <summary>Left out of the event: no name, or no value.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Key) || string.IsNullOrWhiteSpace(Value);

    /// <summary>The problem with the value in plain words, or null.</summary>
    public string? Problem => IsBlank ? null : TryConvert(out _);

    /// <summary>The value as JSON, or the problem in words.</summary>
    public string? TryConvert(out JsonElement json)
    {
        var text = Value!.Trim();
        json = default;
        switch (Kind)
        {
            case JsonValueKinds.Number:
                if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
                {
                    return "is not a number; write it like 12 or 12.5";
                }

                json = JsonSerializer.SerializeToElement(number);
                return null;
            case JsonValueKinds.YesNo:
                json = JsonSerializer.SerializeToElement(text == "yes");
                return null;
            case JsonValueKinds.Date:
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return "is not a date; write it like 2026-12-24 or 2026-12-24 14:30";
                }

                json = JsonSerializer.SerializeToElement(date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                return null;
            default:
                json = JsonSerializer.SerializeToElement(text);
                return null;
        }
    }

    /// <summary>The rows with a name and a value, as the event's data; null when a value is wrong (each row says why).</summary>
    public static IReadOnlyDictionary<string, JsonElement>? ToData(IEnumerable<EventDataRow> rows)
    {
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            if (row.TryConvert(out var json) is not null)
            {
                return null;
            }

            data[row.Key.Trim()] = json;
        }

        return data;
    }
}
