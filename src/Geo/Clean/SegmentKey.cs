using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>A directed segment between two grid points, in whole grid units (exact on the grid).</summary>
internal readonly record struct SegmentKey(long Ax, long Ay, long Bx, long By)
{
    public static SegmentKey Of(Coordinate a, Coordinate b, double scale) =>
        new((long)Math.Round(a.X * scale), (long)Math.Round(a.Y * scale), (long)Math.Round(b.X * scale), (long)Math.Round(b.Y * scale));

    public SegmentKey Reversed => new(Bx, By, Ax, Ay);

    public bool IsPoint => Ax == Bx && Ay == By;

    /// <summary>True when this direction is the canonical one (from the lexicographically smaller end).</summary>
    public bool IsCanonical => Ax < Bx || (Ax == Bx && Ay < By);

    public SegmentKey Canonical => IsCanonical ? this : Reversed;
}
