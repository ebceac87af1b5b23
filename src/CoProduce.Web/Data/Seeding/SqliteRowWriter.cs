using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data.Seeding;

/// <summary>
/// Writes what a context tracks as added or changed straight to SQLite, much faster than
/// <c>SaveChanges</c> for hundreds of thousands of rows: one prepared, parameterised INSERT (or
/// UPDATE) per table, reused for every row, inside the caller's transaction. Tables, columns,
/// keys and value conversions come from EF Core's model, and values from the change tracker
/// (shadow properties and foreign keys included), so rows are exactly what EF would write and it
/// follows the model when the model changes. Only for the data generator, on a database nobody
/// else is writing to while it runs: it gives new rows their ids itself (one more than the
/// table's largest), so the domain's methods can find them by id before anything is written.
/// </summary>
internal sealed class SqliteRowWriter(CoProduceDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, long> _nextIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(IEntityType Type, EntityState State), Statement> _statements = [];

    private sealed record Column(IProperty Property, DbParameter Parameter, ValueConverter? Converter);

    private sealed record Statement(DbCommand Command, IReadOnlyList<Column> Columns);

    /// <summary>
    /// Gives every new row whose key the database would make (a single whole-number key) its id
    /// now; EF copies it into the foreign keys of the rows that hang off it. Rows are new once
    /// added to the context (Add tracks an entity and everything that hangs off it then); anything
    /// added to an entity's collections later is found when the rows are written.
    /// </summary>
    public async Task AssignKeysAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            var key = entry.Metadata.FindPrimaryKey();
            if (key is not { Properties: [var property] } || property.ValueGenerated != ValueGenerated.OnAdd
                || (property.ClrType != typeof(int) && property.ClrType != typeof(long)))
            {
                continue;
            }
            var value = entry.Property(property.Name);
            if (!value.IsTemporary && Convert.ToInt64(value.CurrentValue, CultureInfo.InvariantCulture) != 0)
            {
                continue;
            }
            var id = await NextIdAsync(entry.Metadata, property, cancellationToken);
            value.CurrentValue = property.ClrType == typeof(int) ? (object)checked((int)id) : id;
            value.IsTemporary = false;
        }
    }

    /// <summary>
    /// Writes every added and changed row the context tracks (added ones first, in the order
    /// they were tracked), then marks them saved. Foreign keys are checked when the transaction
    /// commits, so the order of tables does not matter.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Write inside a transaction: rows are written together or not at all.");
        db.ChangeTracker.DetectChanges();
        await AssignKeysAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using (var defer = connection.CreateCommand())
        {
            defer.Transaction = transaction;
            defer.CommandText = "PRAGMA defer_foreign_keys = ON;";
            await defer.ExecuteNonQueryAsync(cancellationToken);
        }
        // The changes were found just now: no need to look again.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await WriteTrackedAsync(connection, transaction, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task WriteTrackedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        db.CheckAndStampChanges();
        var tracked = db.ChangeTracker.Entries().ToList();
        if (tracked.Any(e => e.State == EntityState.Deleted))
        {
            throw new NotSupportedException("The writer adds and changes rows; it never deletes them.");
        }
        foreach (var entry in tracked.Where(e => e.State == EntityState.Added).Concat(tracked.Where(e => e.State == EntityState.Modified)))
        {
            var statement = StatementFor(entry.Metadata, entry.State, connection, transaction);
            foreach (var column in statement.Columns)
            {
                var value = entry.Property(column.Property.Name).CurrentValue;
                column.Parameter.Value = ToProvider(value, column.Converter);
            }
            var rows = await statement.Command.ExecuteNonQueryAsync(cancellationToken);
            if (rows != 1)
            {
                throw new InvalidOperationException($"Writing a row of {entry.Metadata.DisplayName()} changed {rows} rows, not 1.");
            }
        }
        db.ChangeTracker.AcceptAllChanges();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            await statement.Command.DisposeAsync();
        }
        _statements.Clear();
    }

    private static object ToProvider(object? value, ValueConverter? converter)
    {
        if (value is not null && converter is not null)
        {
            value = converter.ConvertToProvider(value);
        }
        return value switch
        {
            null => DBNull.Value,
            Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    private async Task<long> NextIdAsync(IEntityType type, IProperty key, CancellationToken cancellationToken)
    {
        var table = TableOf(type);
        if (!_nextIds.TryGetValue(table.Name, out var next))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT COALESCE(MAX({Quote(key.GetColumnName(table)!)}), 0) FROM {Quote(table.Name)};";
            next = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        }
        _nextIds[table.Name] = next + 1;
        return next;
    }

    private Statement StatementFor(IEntityType type, EntityState state, DbConnection connection, DbTransaction transaction)
    {
        if (_statements.TryGetValue((type, state), out var made))
        {
            made.Command.Transaction = transaction;
            return made;
        }
        var table = TableOf(type);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var mapped = type.GetProperties().Where(p => p.GetColumnName(table) is not null && p.GetComputedColumnSql() is null).ToList();
        var keys = type.FindPrimaryKey()!.Properties;
        var columns = new List<Column>();
        Column Bind(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, "$p" + columns.Count.ToString(CultureInfo.InvariantCulture), null, property.IsNullable);
            command.Parameters.Add(parameter);
            var column = new Column(property, parameter, mapping.Converter);
            columns.Add(column);
            return column;
        }
        var sql = new StringBuilder();
        if (state == EntityState.Added)
        {
            sql.Append("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
                .AppendJoin(", ", mapped.Select(p => Quote(p.GetColumnName(table)!))).Append(") VALUES (")
                .AppendJoin(", ", mapped.Select(p => Bind(p).Parameter.ParameterName)).Append(");");
        }
        else
        {
            sql.Append("UPDATE ").Append(Quote(table.Name)).Append(" SET ")
                .AppendJoin(", ", mapped.Where(p => !keys.Contains(p)).Select(p => $"{Quote(p.GetColumnName(table)!)} = {Bind(p).Parameter.ParameterName}"))
                .Append(" WHERE ")
                .AppendJoin(" AND ", keys.Select(p => $"{Quote(p.GetColumnName(table)!)} = {Bind(p).Parameter.ParameterName}")).Append(';');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        var statement = new Statement(command, columns);
        _statements[(type, state)] = statement;
        return statement;
    }

    private static StoreObjectIdentifier TableOf(IEntityType type) =>
        StoreObjectIdentifier.Create(type, StoreObjectType.Table)
        ?? throw new NotSupportedException($"{type.DisplayName()} is not mapped to a table.");

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
