using Boundaries.Store.GeoPackage;

namespace Boundaries.Store.Tests.GeoPackage;

/// <summary>The shared store behaviour, on a fresh GeoPackage file per test.</summary>
public sealed class GeoPackageBoundaryStoreTests : BoundaryStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-").FullName;

    protected override async Task<IBoundaryStore> NewStoreAsync()
    {
        var store = new GeoPackageBoundaryStore(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".gpkg"), new StoreOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        await store.InitializeAsync();
        return store;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
