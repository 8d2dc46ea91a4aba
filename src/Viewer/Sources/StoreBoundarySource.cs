using Boundaries.Geo.Model;
using Boundaries.Store;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// Divisions read from a boundaries store (a GeoPackage file or PostGIS): every version of every division with its
/// validity period, so the server answers "as on a date" from the store's history. <see cref="Changed"/> is raised after
/// each change set another writer commits (PostGIS <c>LISTEN boundaries_changed</c>; a GeoPackage is polled), and after a
/// lost PostGIS connection is re-established (changes may have been missed).
/// </summary>
public sealed partial class StoreBoundarySource : IBoundarySource
{
    private readonly IBoundaryStore _store;
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private IAsyncDisposable? _subscription;
    private volatile LoadedVersions? _loaded;

    /// <summary>Serves <paramref name="store"/>; the source owns it from now on and disposes it.</summary>
    public StoreBoundarySource(IBoundaryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Opens the store named by <paramref name="connection"/> (a <c>.gpkg</c> path or a PostgreSQL connection string).</summary>
    /// <exception cref="ArgumentException">The text is neither.</exception>
    public static StoreBoundarySource Open(string connection, StoreOptions? options = null) => new(BoundaryStore.Open(connection, options));

    /// <inheritdoc />
    public string Description => _store.Location;

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">The store cannot be reached or is not a boundaries store.</exception>
    public async Task<IReadOnlyList<Division>> LoadAsync(CancellationToken cancellationToken)
    {
        // subscribe before reading, so a change committed while we read is not missed
        await _subscribing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _subscription ??= await _store.SubscribeAsync(_ => Changed?.Invoke(this, EventArgs.Empty), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _subscribing.Release();
        }
        var versions = await _store.GetAllVersionsAsync(cancellationToken).ConfigureAwait(false);
        _loaded = new LoadedVersions(versions);
        return [.. versions.Select(v => v.Division)];
    }

    /// <inheritdoc />
    /// <remarks>The current position of every marker of the store (a re-surveyed marker at its latest position).</remarks>
    public async Task<System.Collections.Immutable.ImmutableArray<Boundaries.Geo.Enclaves.BoundaryMarker>> LoadMarkersAsync(CancellationToken cancellationToken)
    {
        var markers = await _store.GetMarkersAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. markers.Select(m => new Boundaries.Geo.Enclaves.BoundaryMarker(m.Marker.Number, m.Marker.Geometry))];
    }

    /// <summary>Stops listening and closes the store.</summary>
    public void Dispose()
    {
        _subscription?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _subscribing.Dispose();
    }
}
