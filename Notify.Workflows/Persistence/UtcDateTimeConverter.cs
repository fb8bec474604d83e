using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Notify.Workflows.Persistence;

/// <summary>All times are stored as UTC; this marks them UTC again when read (SQLite keeps no kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
