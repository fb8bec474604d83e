using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Notify.Workflows.Persistence;

/// <summary>
/// Gives each SQLite connection <see cref="SearchText.Fold"/> as the function <c>notify_fold</c>, which searches that
/// ignore case compare by (<see cref="SearchFunctions.AddSearchFunctions"/> adds it to a context's options); on
/// PostgreSQL (<c>lower</c>) it does nothing.
/// </summary>
internal sealed class SearchFunctionInterceptor : DbConnectionInterceptor
{
    public static readonly SearchFunctionInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Add(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add(connection);
        return Task.CompletedTask;
    }

    private static void Add(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>(SearchText.SqliteFunction, text => text is null ? null : SearchText.Fold(text), isDeterministic: true);
        }
    }
}

public static class SearchFunctions
{
    /// <summary>The functions searches use (<see cref="SearchText"/>): every <see cref="NotifyDbContext"/> on SQLite needs them.</summary>
    public static DbContextOptionsBuilder<T> AddSearchFunctions<T>(this DbContextOptionsBuilder<T> options)
        where T : DbContext => options.AddInterceptors(SearchFunctionInterceptor.Instance);

    /// <inheritdoc cref="AddSearchFunctions{T}"/>
    public static DbContextOptionsBuilder AddSearchFunctions(this DbContextOptionsBuilder options) => options.AddInterceptors(SearchFunctionInterceptor.Instance);
}
