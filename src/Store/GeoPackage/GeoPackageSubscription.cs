namespace Boundaries.Store.GeoPackage;

/// <summary>
/// Polls a GeoPackage store for change sets newer than the last one seen and reports each. A GeoPackage has no server to
/// push notifications, so this is how a viewer over a file learns that another process wrote to it.
/// </summary>
internal sealed class GeoPackageSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public GeoPackageSubscription(GeoPackageBoundaryStore store, long lastSeen, TimeSpan interval, Action<StoreChange> onChange)
    {
        _loop = Task.Run(async () =>
        {
            var seen = lastSeen;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, _stop.Token);
                    var last = store.LastChangeSetId();
                    for (var id = seen + 1; id <= last; id++)
                    {
                        onChange(new StoreChange(id));
                    }
                    seen = Math.Max(seen, last);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (IOException)
                {
                    // the file is briefly unreadable (being replaced, or removed): try again next round
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
