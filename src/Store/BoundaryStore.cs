using Boundaries.Store.GeoPackage;
using Boundaries.Store.PostGis;

namespace Boundaries.Store;

/// <summary>Opens a store from the text a person gives (<c>--store</c>).</summary>
public static class BoundaryStore
{
    /// <summary>
    /// Opens a store: a path ending in <c>.gpkg</c> is a GeoPackage file (created by <see cref="IBoundaryStore.InitializeAsync"/>);
    /// anything containing <c>=</c> is a PostgreSQL connection string (<c>Host=…;Port=…;Username=…;Database=…</c>).
    /// Opening does not connect; the first call does.
    /// </summary>
    /// <exception cref="ArgumentException">The text is neither.</exception>
    public static IBoundaryStore Open(string connection, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        options ??= StoreOptions.Default;
        if (connection.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            return new GeoPackageBoundaryStore(connection, options);
        }
        if (connection.Contains('=', StringComparison.Ordinal))
        {
            return new PostGisBoundaryStore(connection, options);
        }
        throw new ArgumentException($"'{connection}' is neither a .gpkg path nor a PostgreSQL connection string (Host=…;Port=…;Username=…;Database=…)", nameof(connection));
    }
}
