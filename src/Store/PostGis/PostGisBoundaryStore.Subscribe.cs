namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        try
        {
            return await PostGisSubscription.StartAsync(ConnectionString, onChange, cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, e.Message, e);
        }
    }
}
