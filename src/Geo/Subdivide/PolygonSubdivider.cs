using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Subdivide;

/// <summary>
/// Cuts a polygon or multipolygon into small polygons of at most <c>maxVertices</c> points each (closing points
/// counted, as PostGIS <c>ST_NPoints</c> counts them) whose union is the input: the same contract as PostGIS
/// <c>ST_Subdivide</c>, which the store's <c>division_parts</c> table and <c>boundaries.locate</c> rely on.
/// Each step halves a piece's bounding box across its longer side with <see cref="AxisCut"/> — a linear pass over the
/// rings that keeps every original vertex as it is and adds only the points where edges cross the cut line — instead of
/// a general overlay, so a whole city of a million vertices is cut in a fraction of a second.
/// </summary>
public static class PolygonSubdivider
{
    /// <summary>PostGIS's own depth limit for ST_Subdivide.</summary>
    private const int MaxDepth = 50;

    /// <summary>
    /// The parts of <paramref name="polygonal"/> (Polygon or MultiPolygon, valid), or null when a cut could not be made
    /// safely (crossings that cannot be ordered along the cut line, as an invalid ring gives): the caller then falls back
    /// to a general method (the store lets PostGIS's ST_Subdivide cut that division).
    /// </summary>
    public static IReadOnlyList<Polygon>? Subdivide(Geometry polygonal, int maxVertices = 128, GeometryFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(polygonal);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVertices, 8);
        factory ??= polygonal.Factory;
        var output = new List<Polygon>();
        for (var i = 0; i < polygonal.NumGeometries; i++)
        {
            if (polygonal.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
            {
                if (polygonal.GetGeometryN(i) is { IsEmpty: true })
                {
                    continue;
                }
                throw new ArgumentException($"expected a polygon or multipolygon, got {polygonal.GeometryType}", nameof(polygonal));
            }
            if (!Cut(CutPiece.From(polygon), maxVertices, 0, output, factory))
            {
                return null;
            }
        }
        return output;
    }

    private static bool Cut(CutPiece piece, int maxVertices, int depth, List<Polygon> output, GeometryFactory factory)
    {
        if (piece.VertexCount <= maxVertices || depth >= MaxDepth)
        {
            output.Add(piece.ToPolygon(factory));
            return true;
        }
        var box = piece.Bounds();
        var alongX = box.Width >= box.Height;
        var (low, high) = AxisCut.TrySplit(piece, alongX) ?? AxisCut.TrySplit(piece, !alongX) ?? default;
        if (low is null || high is null)
        {
            return false;
        }
        foreach (var part in low)
        {
            if (!Cut(part, maxVertices, depth + 1, output, factory))
            {
                return false;
            }
        }
        foreach (var part in high)
        {
            if (!Cut(part, maxVertices, depth + 1, output, factory))
            {
                return false;
            }
        }
        return true;
    }
}
