using System.Collections.Immutable;
using System.Reflection;
using Npgsql;

namespace Boundaries.Store.PostGis;

/// <summary>
/// Applies the numbered SQL migrations (<c>db/migrations/NNN_name.sql</c>, embedded in this assembly) that a database
/// has not had yet, in order, each in its own transaction, and records each in <c>boundaries.schema_migrations</c>.
/// A transaction-scoped advisory lock keeps two processes from migrating at once.
/// </summary>
internal static class PostGisMigrator
{
    /// <summary>An embedded migration.</summary>
    internal sealed record Migration(int Version, string Name, string Sql);

    private const long LockKey = 0x426f756e64; // "Bound"

    /// <summary>Every embedded migration, by version.</summary>
    public static ImmutableArray<Migration> All { get; } = Load();

    /// <summary>Applies the missing migrations; returns the versions applied now (empty when up to date).</summary>
    public static async Task<ImmutableArray<int>> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var setup = new NpgsqlCommand("""
            CREATE SCHEMA IF NOT EXISTS boundaries;
            CREATE TABLE IF NOT EXISTS boundaries.schema_migrations (
              version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """, connection))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = ImmutableArray.CreateBuilder<int>();
        foreach (var migration in All)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, tx))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var check = new NpgsqlCommand("SELECT count(*) FROM boundaries.schema_migrations WHERE version = $1", connection, tx))
            {
                check.Parameters.AddWithValue(migration.Version);
                if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                {
                    await tx.RollbackAsync(cancellationToken);
                    continue;
                }
            }
            await using (var run = new NpgsqlCommand(migration.Sql, connection, tx))
            {
                await run.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = new NpgsqlCommand("INSERT INTO boundaries.schema_migrations (version, name) VALUES ($1, $2)", connection, tx))
            {
                record.Parameters.AddWithValue(migration.Version);
                record.Parameters.AddWithValue(migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
        }
        return applied.ToImmutable();
    }

    private static ImmutableArray<Migration> Load()
    {
        var assembly = typeof(PostGisMigrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            var file = resource["migrations/".Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration '{file}' is not named NNN_name.sql");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file)[(underscore + 1)..], reader.ReadToEnd()));
        }
        if (list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"two migrations numbered {twice.Key}");
        }
        return [.. list.OrderBy(m => m.Version)];
    }

    /// <summary>Keeps the reflection use visible to trimming analysis.</summary>
    internal static Assembly Assembly => typeof(PostGisMigrator).Assembly;
}
