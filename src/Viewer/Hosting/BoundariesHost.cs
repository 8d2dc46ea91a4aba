using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;

namespace Boundaries.Viewer.Hosting;

/// <summary>A running server: its addresses, the version of the divisions it serves, and how to stop it.</summary>
public sealed class BoundariesHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BoundaryCatalog _catalog;
    private readonly IBoundarySource _source;

    internal BoundariesHost(WebApplication app, BoundaryCatalog catalog, IBoundarySource source, IReadOnlyList<string> urls)
    {
        _app = app;
        _catalog = catalog;
        _source = source;
        Urls = urls;
        _catalog.Reloaded += s => Reloaded?.Invoke(s.Version);
    }

    internal IServiceProvider Services => _app.Services;

    /// <summary>The addresses actually bound (with the real port when 0 was asked).</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>Counts loads: 1 after start, +1 per successful reload.</summary>
    public int Version => _catalog.Current.Version;

    /// <summary>Raised after each successful reload, with the new <see cref="Version"/>.</summary>
    public event Action<int>? Reloaded;

    /// <summary>Completes when the server stops (Ctrl-C, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and the source's watching.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
        _source.Dispose();
    }
}
