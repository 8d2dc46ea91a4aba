using System.Collections.Immutable;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// Where the server takes its divisions from: a file today, the store later. The server loads once at start and again
/// each time the source raises <see cref="Changed"/>; a failed reload keeps the divisions already served.
/// </summary>
public interface IBoundarySource : IDisposable
{
    /// <summary>Names the source in logs and on the landing page (a file path, a connection without its password).</summary>
    string Description { get; }

    /// <summary>Raised (on any thread, possibly several times for one change) when the divisions may have changed.</summary>
    event EventHandler? Changed;

    /// <summary>
    /// Reads every division of every level and every date, geometries in CGCS2000 lon/lat (EPSG:4490).
    /// </summary>
    /// <exception cref="Boundaries.Geo.Formats.BoundariesFormatException">The source cannot be read.</exception>
    Task<IReadOnlyList<Division>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The boundary markers (界桩) in force, CGCS2000 lon/lat, read with each load (the enclave options score the markers
    /// they would move). The default: none.
    /// </summary>
    /// <exception cref="Boundaries.Geo.Formats.BoundariesFormatException">The markers cannot be read.</exception>
    Task<ImmutableArray<BoundaryMarker>> LoadMarkersAsync(CancellationToken cancellationToken) => Task.FromResult(ImmutableArray<BoundaryMarker>.Empty);

    /// <summary>True when <see cref="SaveAsync"/> can write edits back. Default false (read-only source).</summary>
    bool CanSave => false;

    /// <summary>
    /// Replaces the stored divisions with <paramref name="divisions"/> (every level and every date, CGCS2000 lon/lat)
    /// and records <paramref name="change"/> (who, why, what). The default refuses: the source is read only.
    /// </summary>
    /// <exception cref="NotSupportedException">The source is read only.</exception>
    Task SaveAsync(IReadOnlyList<Division> divisions, BoundaryChange change, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Description + " is read only");
}
