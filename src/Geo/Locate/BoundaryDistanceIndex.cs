using Boundaries.Geo.Crs;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Locate;

/// <summary>
/// The distinct boundary segments of one level in Gauss-Krüger metres, in an STR-tree, for the distance from a point
/// to the nearest boundary line. Built on first use by <see cref="DivisionLocator"/>.
/// </summary>
internal sealed class BoundaryDistanceIndex
{
    private readonly double[] _ax, _ay, _bx, _by;
    private readonly STRtree<int> _tree = new();
    private readonly CoordinateTransformer _toMetric;

    public BoundaryDistanceIndex(LevelEdges edges, CoordinateTransformer toMetric)
    {
        _toMetric = toMetric;
        var n = edges.Count;
        (_ax, _ay, _bx, _by) = (new double[n], new double[n], new double[n], new double[n]);
        for (var e = 0; e < n; e++)
        {
            (_ax[e], _ay[e]) = toMetric.Transform(edges.Ax[e], edges.Ay[e]);
            (_bx[e], _by[e]) = toMetric.Transform(edges.Bx[e], edges.By[e]);
            _tree.Insert(new Envelope(_ax[e], _bx[e], _ay[e], _by[e]), e);
        }
        if (n > 0)
        {
            _tree.Build();
        }
    }

    /// <summary>Metres from the lon/lat point to the nearest segment on the Gauss-Krüger plane; <c>null</c> when the level has none.</summary>
    public double? DistanceMeters(double lon, double lat)
    {
        if (_ax.Length == 0)
        {
            return null;
        }
        var (x, y) = _toMetric.Transform(lon, lat);
        var nearest = _tree.NearestNeighbour(new Envelope(x, x, y, y), -1, new SegmentDistance(this));
        return Distance(nearest, x, y);
    }

    private double Distance(int e, double x, double y) =>
        DistanceComputer.PointToSegment(new Coordinate(x, y), new Coordinate(_ax[e], _ay[e]), new Coordinate(_bx[e], _by[e]));

    private sealed class SegmentDistance(BoundaryDistanceIndex index) : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2)
        {
            // One of the two is the query point (item -1, a zero-size envelope).
            var (point, segment) = item1.Item < 0 ? (item1, item2) : (item2, item1);
            return index.Distance(segment.Item, point.Bounds.MinX, point.Bounds.MinY);
        }
    }
}
