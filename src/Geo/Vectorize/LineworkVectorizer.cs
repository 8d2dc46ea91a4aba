using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Builds divisions from boundary linework (digitized lines) and label points (one point per division carrying its
/// code). Steps: project to Gauss-Krüger metres; node all lines by snap-rounding on the grid; trim overshoots and
/// close undershoots within the tolerance (<see cref="VectorizeOptions.SnapToleranceMeters"/>); polygonize (NTS
/// <see cref="Polygonizer"/>); give each face the label inside it. Dangles left, cut edges, faces with no label or
/// several, and labels in no face are reported as findings with their place.
/// </summary>
/// <remarks>
/// The faces come from one noded linework, so neighbours share identical vertices: the result is an exact coverage.
/// </remarks>
public static class LineworkVectorizer
{
    /// <summary>Vectorizes <paramref name="lines"/> labelled by <paramref name="labels"/>; inputs are not changed.</summary>
    /// <param name="lines">Lines (LineString, MultiLineString; the rings of polygons are taken as lines too) in <paramref name="linesCrs"/>.</param>
    /// <param name="linesCrs">The coordinate system of the lines.</param>
    /// <param name="labels">The label points in <paramref name="labelsCrs"/>.</param>
    /// <param name="labelsCrs">The coordinate system of the labels.</param>
    /// <param name="options"><c>null</c> = defaults.</param>
    /// <returns>The divisions (empty when no face got a label) and the findings.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are no lines, or the tolerance or grid is not positive.</exception>
    public static VectorizeResult Build(IEnumerable<Geometry> lines, CrsCode linesCrs, IEnumerable<LabelPoint> labels, CrsCode labelsCrs, VectorizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new VectorizeOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.SnapToleranceMeters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GridMeters);

        var input = lines.SelectMany(g => LinearComponentExtracter.GetLines(g).Cast<LineString>()).Where(l => !l.IsEmpty).ToList();
        if (input.Count == 0)
        {
            throw new ArgumentException("no lines to vectorize", nameof(lines));
        }
        var metric = options.MetricCrs ?? MetricCrsOf(input, linesCrs);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(1.0 / options.GridMeters), metric.Epsg);
        var toMetric = CoordinateTransformer.Create(linesCrs, metric);
        var toLonLat = CoordinateTransformer.Create(metric, CrsCode.Cgcs2000);
        var sink = new FindingSink(toLonLat);

        var metricLines = input.Select(l => (LineString)factory.CreateGeometry(toMetric.Transform(l)));
        var noded = LineNoder.Node(metricLines, factory);
        var repaired = LineworkRepair.Repair(noded, options.SnapToleranceMeters, factory, sink);
        ReportDangles(repaired, factory, sink);

        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(repaired.Cast<Geometry>().ToList());
        var faces = polygonizer.GetPolygons().Cast<Polygon>().ToList();
        foreach (var cut in polygonizer.GetCutEdges())
        {
            sink.Add(VectorizeFindingCode.CutEdge, VectorizeSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"line of {cut.Length:0.###} m has the same face on both sides"), cut, null, cut.Length);
        }

        var labelsToMetric = CoordinateTransformer.Create(labelsCrs, metric);
        var metricLabels = labels.Select(l =>
        {
            var at = labelsToMetric.Transform(l.Location).Coordinate.Copy();
            factory.PrecisionModel.MakePrecise(at);
            return l with { Location = factory.CreatePoint(at) };
        }).ToList();
        var divisions = FaceLabeler.Label(faces, metricLabels, options.DefaultLevel, sink);
        return Assemble(divisions, metric, toLonLat, sink);
    }

    internal static VectorizeResult Assemble(ImmutableArray<Division> metricDivisions, CrsCode metric, CoordinateTransformer toLonLat, FindingSink sink)
    {
        var lonLat = metricDivisions.Select(d =>
        {
            var g = toLonLat.Transform(d.Geometry);
            g.SRID = CrsCode.Cgcs2000.Epsg;
            return d with { Geometry = g };
        }).ToImmutableArray();
        return new VectorizeResult(new DivisionSet(lonLat, CrsCode.Cgcs2000), new DivisionSet(metricDivisions, metric), metric, sink.ToImmutable());
    }

    private static CrsCode MetricCrsOf(List<LineString> input, CrsCode crs)
    {
        if (crs.Kind == CrsKind.GaussKruger)
        {
            return crs;
        }
        var toLonLat = CoordinateTransformer.Create(crs, CrsCode.Cgcs2000);
        return GaussKrugerZone.MetricCrsFor(input.Select(l => toLonLat.Transform(l)));
    }

    private static void ReportDangles(List<LineString> lines, GeometryFactory factory, FindingSink sink)
    {
        var degree = LineNoder.Degrees(lines);
        foreach (var line in lines)
        {
            foreach (var tip in new[] { line.StartPoint.Coordinate, line.EndPoint.Coordinate })
            {
                if (degree[tip] == 1)
                {
                    sink.Add(VectorizeFindingCode.Dangle, VectorizeSeverity.Warning,
                        string.Create(CultureInfo.InvariantCulture, $"dangling end of a {line.Length:0.###} m line, farther than the tolerance from any other line"),
                        factory.CreatePoint(tip), null, line.Length);
                }
            }
        }
    }
}
