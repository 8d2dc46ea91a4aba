using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.PostGis;

/// <summary>The shared store behaviour, on a fresh PostGIS database per test (cloned from a template with PostGIS).</summary>
public sealed class PostGisBoundaryStoreTests : BoundaryStoreContract
{
    protected override async Task<IBoundaryStore> NewStoreAsync()
    {
        var store = new PostGisBoundaryStore(PostGisServer.CreateDatabase());
        await store.InitializeAsync();
        return store;
    }
}
