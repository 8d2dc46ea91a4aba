using System.Collections.Concurrent;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// Longitude/latitude of the grid points that lie on lines, each unprojected once, with the sine and cosine of its
/// reduced latitude for the geodesic lengths; makes the lines.
/// </summary>
internal sealed class GridLonLat
{
    private readonly double[] _lon;
    private readonly double[] _lat;
    private readonly double[] _sinU;
    private readonly double[] _cosU;

    private GridLonLat(int count) => (_lon, _lat, _sinU, _cosU) = (new double[count], new double[count], new double[count], new double[count]);

    /// <summary>The points of <paramref name="grid"/> used by <paramref name="chains"/> (vertex ids of their graphs), unprojected over the cores.</summary>
    public static GridLonLat Of(MetricFrame frame, GridVertices grid, IEnumerable<(int[] Vertices, SegmentGraph Graph)> chains)
    {
        var used = new bool[grid.Count];
        foreach (var (vertices, graph) in chains)
        {
            foreach (var v in vertices)
            {
                used[graph.Grid(v)] = true;
            }
        }
        var ids = new List<int>();
        for (var g = 0; g < used.Length; g++)
        {
            if (used[g])
            {
                ids.Add(g);
            }
        }
        var result = new GridLonLat(grid.Count);
        Parallel.ForEach(Partitioner.Create(0, ids.Count, 4096), range =>
        {
            for (var j = range.Item1; j < range.Item2; j++)
            {
                var g = ids[j];
                frame.GridToLonLat(grid.X[g], grid.Y[g], out result._lon[g], out result._lat[g]);
                (result._sinU[g], result._cosU[g]) = Geodesic.ReducedLatitude(result._lat[g]);
            }
        });
        return result;
    }

    /// <summary>A chain of <paramref name="graph"/> as a lon/lat line, and the sum of its geodesic segment lengths from first to last vertex.</summary>
    public (LineString Line, double LengthMeters) Line(SegmentGraph graph, int[] vertices, int srid)
    {
        var coordinates = new Coordinate[vertices.Length];
        var length = 0.0;
        var previous = -1;
        for (var i = 0; i < vertices.Length; i++)
        {
            var g = graph.Grid(vertices[i]);
            coordinates[i] = new Coordinate(_lon[g], _lat[g]);
            if (previous >= 0)
            {
                length += Geodesic.Distance(_lon[previous], _sinU[previous], _cosU[previous], _lon[g], _sinU[g], _cosU[g]);
            }
            previous = g;
        }
        var line = MetricFrame.LonLatFactory.CreateLineString(coordinates);
        line.SRID = srid;
        return (line, length);
    }
}
