using Microsoft.EntityFrameworkCore;
using Notify.Domain.Records;

namespace Notify.Workflows.Persistence;

public static class RecordLookup
{
    /// <summary>The records named by (type, key), read in one query, by their type and key; a name with no record is left out.</summary>
    public static async Task<Dictionary<(string Type, string Key), Record>> NamedAsync(
        this IQueryable<Record> records, IEnumerable<(string Type, string Key)> named, CancellationToken ct)
    {
        var wanted = named.ToHashSet();
        var types = wanted.Select(n => n.Type).Distinct().ToList();
        var keys = wanted.Select(n => n.Key).Distinct().ToList();
        var found = await records.Where(r => types.Contains(r.Type) && keys.Contains(r.Key)).ToListAsync(ct);
        return found.Where(r => wanted.Contains((r.Type, r.Key))).ToDictionary(r => (r.Type, r.Key));
    }
}
