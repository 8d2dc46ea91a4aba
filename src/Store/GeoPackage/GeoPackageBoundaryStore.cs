using Boundaries.Geo.Formats;
using Microsoft.Data.Sqlite;

namespace Boundaries.Store.GeoPackage;

/// <summary>
/// The GeoPackage store, the embedded default: one file that QGIS and GDAL open directly (a feature layer per level in
/// EPSG:4490 with an R-tree index, holding every version of every division; attribute tables <c>change_sets</c> and
/// <c>audit</c>).
/// </summary>
/// <remarks>
/// Every write is copy-on-write: under an exclusive lock file (<c>FILE.lock</c>) the store copies the file, applies the
/// change set to the copy in one SQLite transaction, and renames the copy over the file. A process killed mid-write
/// leaves the previous file intact (its half-written copy is removed by the next writer); readers never see a partial
/// write. The lock serialises writers across processes, so the version check of an edit always sees the latest file.
/// </remarks>
public sealed partial class GeoPackageBoundaryStore : IBoundaryStore
{
    private readonly StoreOptions _options;

    /// <summary>Creates the store over the file <paramref name="path"/>; does not open it.</summary>
    public GeoPackageBoundaryStore(string path, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Location = Path.GetFullPath(path);
        _options = options ?? StoreOptions.Default;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var fileLock = AcquireLock(cancellationToken);
        if (File.Exists(Location))
        {
            using var connection = OpenRead();
            return;
        }
        var temp = TempPath();
        try
        {
            using (var connection = GeoPackageConnection.Open(temp, readOnly: false))
            {
                GeoPackageStoreSchema.Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
                // plain BEGIN/COMMIT: closing the connection without COMMIT rolls back, and the copy is deleted anyway
                GeoPackageStoreSchema.Execute(connection, "BEGIN IMMEDIATE");
                GeoPackageStoreSchema.Create(connection);
                GeoPackageStoreSchema.Execute(connection, "COMMIT");
            }
            File.Move(temp, Location, overwrite: false);
        }
        catch (Exception e) when (IsDiskFull(e))
        {
            throw DiskFull(e);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException(Location, e.Message, e);
        }
        finally
        {
            File.Delete(temp);
        }
    }, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Opens the file for reading and checks it is a store of a schema this code knows.</summary>
    internal SqliteConnection OpenRead()
    {
        if (!File.Exists(Location))
        {
            throw new StoreUnavailableException(Location, "no such store; run 'boundaries store init' first");
        }
        SqliteConnection? connection = null;
        try
        {
            connection = GeoPackageConnection.Open(Location, readOnly: true);
            CheckSchema(connection);
            return connection;
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new StoreUnavailableException(Location, $"not a readable GeoPackage: {e.Message}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private void CheckSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'store_meta'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            throw new StoreUnavailableException(Location, "a GeoPackage, but not a boundaries store (no store_meta table)");
        }
        command.CommandText = "SELECT value FROM store_meta WHERE key = 'schema_version'";
        var version = int.Parse((string)command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        if (version > GeoPackageStoreSchema.SchemaVersion)
        {
            throw new StoreUnavailableException(Location, $"store schema {version} is newer than this program knows ({GeoPackageStoreSchema.SchemaVersion})");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a copy of the file and renames the copy over the file when it
    /// commits; on any failure the copy is deleted and the file is unchanged.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken) => Task.Run(() =>
    {
        using var fileLock = AcquireLock(cancellationToken);
        using (OpenRead())
        {
            // the schema check; the connection closes at once
        }
        RemoveStaleCopies();
        var temp = TempPath();
        try
        {
            File.Copy(Location, temp);
            T result;
            using (var connection = GeoPackageConnection.Open(temp, readOnly: false))
            {
                GeoPackageStoreSchema.Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
                GeoPackageStoreSchema.Execute(connection, "BEGIN IMMEDIATE");
                GeoPackageStoreSchema.Upgrade(connection);
                result = work(connection);
                GeoPackageStoreSchema.UpdateContents(connection);
                cancellationToken.ThrowIfCancellationRequested();
                GeoPackageStoreSchema.Execute(connection, "COMMIT");
            }
            File.Move(temp, Location, overwrite: true);
            return result;
        }
        catch (Exception e) when (IsDiskFull(e))
        {
            throw DiskFull(e);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException(Location, $"the write failed and was rolled back: {e.Message}", e);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + "-journal");
        }
    }, cancellationToken);

    /// <summary>SQLite's SQLITE_FULL, or ENOSPC from copying the file.</summary>
    private static bool IsDiskFull(Exception e) =>
        e is SqliteException { SqliteErrorCode: 13 } || (e is IOException { HResult: 28 } && e is not StoreUnavailableException)
        || (e is IOException && e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase));

    private StoreUnavailableException DiskFull(Exception e) =>
        new(Location, $"no space left on the disk holding the store; nothing was written and the file is unchanged ({e.Message})", e) { DiskFull = true };

    private string TempPath() =>
        Path.Combine(Path.GetDirectoryName(Location)!, $".{Path.GetFileName(Location)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes copies left by a writer that was killed; safe because we hold the lock.</summary>
    private void RemoveStaleCopies()
    {
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(Location)!, $".{Path.GetFileName(Location)}.*.tmp*"))
        {
            File.Delete(stale);
        }
    }

    /// <summary>Takes the exclusive writer lock (an flock on FILE.lock), waiting up to <see cref="StoreOptions.LockTimeout"/>.</summary>
    private FileStream AcquireLock(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(Location + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new StoreUnavailableException(Location, $"another writer holds {Location}.lock for longer than {_options.LockTimeout.TotalSeconds:0} s", e);
                }
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
