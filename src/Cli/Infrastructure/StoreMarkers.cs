using System.Collections.Immutable;
using Boundaries.Geo.Enclaves;
using Boundaries.Store;

namespace Boundaries.Cli.Infrastructure;

/// <summary>The markers (界桩) in force in a store (a PostgreSQL connection string), for <c>enclaves plan --markers</c>.</summary>
internal static class StoreMarkers
{
    /// <summary>True when <paramref name="value"/> names a PostgreSQL store rather than a file.</summary>
    public static bool IsConnection(string value) => !File.Exists(value) && value.Contains('=', StringComparison.Ordinal);

    /// <summary>The current position of every marker of the store, lon/lat.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be reached (an IOException: exit 3).</exception>
    public static ImmutableArray<BoundaryMarker> Read(string connection)
    {
        var store = BoundaryStore.Open(connection);
        try
        {
            var markers = store.GetMarkersAsync().GetAwaiter().GetResult();
            return [.. markers.Select(m => new BoundaryMarker(m.Marker.Number, m.Marker.Geometry))];
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
