using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// Holds the current <see cref="BoundarySnapshot"/> and replaces it, whole, when the source changes: requests that
/// started on the old snapshot finish on it. A reload that fails keeps the old snapshot and logs why.
/// </summary>
internal sealed class BoundaryCatalog : IDisposable
{
    private readonly IBoundarySource _source;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private BoundarySnapshot? _current;

    public BoundaryCatalog(IBoundarySource source, ILogger logger)
    {
        _source = source;
        _logger = logger;
    }

    public BoundarySnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("not loaded yet");

    public string Description => _source.Description;

    /// <summary>The source itself (editing saves through it).</summary>
    public IBoundarySource Source => _source;

    /// <summary>
    /// Held by every write to the source — line edits, splits and merges, enclave applies — from the base-version check
    /// to the save, so two writes of different kinds cannot both pass the check and the second overwrite the first.
    /// </summary>
    public SemaphoreSlim Saving { get; } = new(1, 1);

    /// <summary>Raised after a successful reload (tests and logs).</summary>
    public event Action<BoundarySnapshot>? Reloaded;

    /// <summary>First load; throws what the source throws. Starts listening for changes.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var divisions = await _source.LoadAsync(cancellationToken).ConfigureAwait(false);
        var markers = await _source.LoadMarkersAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _current, new BoundarySnapshot(divisions, 1, DateTimeOffset.UtcNow) { Markers = markers });
        Log.Loaded(_logger, _source.Description, divisions.Count, 1);
        _source.Changed += OnChanged;
    }

    private void OnChanged(object? sender, EventArgs e) => _ = ReloadAsync();

    /// <summary>Reloads now (after an edit was saved), without waiting for the source's change notice.</summary>
    internal async Task ReloadAsync()
    {
        await _reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            var divisions = await _source.LoadAsync(CancellationToken.None).ConfigureAwait(false);
            var markers = await _source.LoadMarkersAsync(CancellationToken.None).ConfigureAwait(false);
            var next = new BoundarySnapshot(divisions, Current.Version + 1, DateTimeOffset.UtcNow) { Markers = markers };
            Volatile.Write(ref _current, next);
            Log.Loaded(_logger, _source.Description, divisions.Count, next.Version);
            Reloaded?.Invoke(next);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A file caught half-written, or bad data: keep serving what we have; the next change tries again.
            Log.ReloadFailed(_logger, _source.Description, ex);
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose()
    {
        _source.Changed -= OnChanged;
        _reloading.Dispose();
        Saving.Dispose();
    }
}
