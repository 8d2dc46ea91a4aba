namespace Boundaries.Store;

/// <summary>Settings of a store connection.</summary>
public sealed record StoreOptions
{
    /// <summary>The defaults.</summary>
    public static StoreOptions Default { get; } = new();

    /// <summary>How often a GeoPackage subscription looks for new change sets. Default 250 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a GeoPackage writer waits for another writer's lock before giving up. Default 30 s.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times opening a PostGIS connection is retried after a broken pooled connection
    /// (a server restart), clearing the pool each time. Default 3.</summary>
    public int ConnectRetries { get; init; } = 3;
}
