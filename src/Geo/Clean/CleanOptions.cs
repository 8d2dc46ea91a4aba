using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Clean;

/// <summary>Options of <see cref="CoverageCleaner.Clean(Model.DivisionSet, CleanOptions?)"/>.</summary>
public sealed record CleanOptions
{
    /// <summary>The default options.</summary>
    public static CleanOptions Default { get; } = new();

    /// <summary>How gaps and overlaps wider than <see cref="SliverWidthMeters"/> are assigned. Default <see cref="CleanStrategy.LongestBorder"/>.</summary>
    public CleanStrategy Strategy { get; init; } = CleanStrategy.LongestBorder;

    /// <summary>Division codes in order of precedence, for <see cref="CleanStrategy.Priority"/>. Default empty.</summary>
    public ImmutableArray<string> Priority { get; init; } = [];

    /// <summary>
    /// A gap or overlap piece at most this wide (its largest inscribed circle's diameter) is a near-miss of two copies of
    /// one shared edge: it is given to the neighbour with the longest shared border, which is the same as snapping one
    /// copy onto the other. Default 0.5 m.
    /// </summary>
    public double SnapToleranceMeters { get; init; } = 0.5;

    /// <summary>
    /// A gap or overlap piece at most this wide (and wider than <see cref="SnapToleranceMeters"/>) is a sliver, merged
    /// into the neighbour with the longest shared border. Default 2 m.
    /// </summary>
    public double SliverWidthMeters { get; init; } = 2.0;

    /// <summary>
    /// For a coverage whose parent is not in the set (so its outline is unknown): a hole enclosed by the divisions is
    /// filled only when at most this wide; wider holes are left open. With a parent outline every gap inside the parent
    /// is filled, whatever its width. Default 50 m.
    /// </summary>
    public double MaxGapWidthMeters { get; init; } = 50.0;

    /// <summary>The grid that nodes are rounded to, in metres. Default 0.001 (1 mm), the toolkit's grid.</summary>
    public double GridMeters { get; init; } = 0.001;

    /// <summary>
    /// The Gauss-Krüger system to work in; <c>null</c> (the default) uses the set's own system when it is Gauss-Krüger and
    /// otherwise picks the zone of the data.
    /// </summary>
    public CrsCode? MetricCrs { get; init; }
}
