using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Notify.Workflows.Persistence;

/// <summary>The table and column names the model gives an entity, for the few statements written as SQL (row locks).</summary>
internal sealed class StoreNames
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    private StoreNames(IEntityType entity)
    {
        _entity = entity;
        _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }

    public static StoreNames Of<T>(DbContext db) => new(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped."));

    /// <summary>The quoted table name.</summary>
    public string Table => $"\"{_table.Name}\"";

    /// <summary>The quoted column of a property.</summary>
    public string Column(string property) => $"\"{_entity.FindProperty(property)!.GetColumnName(_table)}\"";
}
