namespace Boundaries.Store;

/// <summary>
/// The store cannot be reached or used: the database is down or refuses the connection, the file cannot be opened or
/// is not a boundaries store. An <see cref="IOException"/>, so callers that treat I/O failures as environment failures
/// treat this one alike.
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    /// <summary>Creates the exception; <paramref name="location"/> is the store as <see cref="IBoundaryStore.Location"/> gives it.</summary>
    public StoreUnavailableException(string location, string reason, Exception? inner = null)
        : base($"{location}: {reason}", inner)
    {
        Location = location;
    }

    /// <summary>The store.</summary>
    public string Location { get; }

    /// <summary>The disk holding the store is full (the write was rolled back; a GeoPackage file is unchanged).</summary>
    public bool DiskFull { get; init; }
}
