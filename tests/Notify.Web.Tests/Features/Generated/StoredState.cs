using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Generated;

/// <summary>
/// A fingerprint of everything a request writes itself (records, events, contacts, templates, flows, settings, keys,
/// the audit log, accounts…): each table's row count and a hash of its rows, in any order. Two equal fingerprints mean
/// no row was added, changed or removed. What background workers write as a matter of course (runs with their
/// journals, deliveries and their attempts, the key ring, the dashboard's daily counts) is left out, so it cannot make a refused request look guilty.
/// </summary>
public static class StoredState
{
    private static readonly HashSet<Type> Background =
    [
        typeof(Notify.Workflows.Runtime.FlowRun), typeof(Notify.Domain.Messaging.Delivery),
        typeof(Notify.Domain.Messaging.DeliveryAttempt), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
        typeof(Notify.Workflows.Statistics.DeliveryDayCount), typeof(Notify.Workflows.Statistics.DeliveryDayReason),
    ];

    public static async Task<string> FingerprintAsync(IDbContextFactory<NotifyDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes()
            .Where(t => !Background.Contains(t.ClrType) && !t.IsOwned() && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var parts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var (rows, sum) = await HashRowsAsync(reader);
            parts.Append(table).Append(':').Append(rows).Append(':').Append(sum).Append(' ');
        }

        return parts.ToString();
    }

    /// <summary>The rows' count and the sum of each row's hash: the same for the same rows in any order.</summary>
    private static async Task<(int Rows, ulong Sum)> HashRowsAsync(DbDataReader reader)
    {
        var rows = 0;
        ulong sum = 0;
        var row = new StringBuilder();
        while (await reader.ReadAsync())
        {
            row.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            sum += BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString())));
            rows++;
        }

        return (rows, sum);
    }
}
