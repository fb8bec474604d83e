using System.Globalization;
using System.Text;

namespace Notify.Web.Features.Deliveries;

/// <summary>
/// Where a newest-first page of deliveries ended: the last one's time and id. The next page is read from there in the
/// index (keyset paging), so page 4,000 costs what page 1 does. Written as an opaque URL-safe text.
/// </summary>
public sealed record DeliveryCursor(DateTime CreatedAt, Guid Id)
{
    public static DeliveryCursor After(DeliveryRow last) => new(last.CreatedAt, last.Id);

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A cursor this service wrote, or false for anything else.</summary>
    public static bool TryParse(string? text, out DeliveryCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new DeliveryCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
