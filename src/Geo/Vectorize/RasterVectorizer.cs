using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Precision;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Builds divisions from a label map (<see cref="LabelRaster"/>): each pixel value stands for a division through a
/// <see cref="RasterCodeTable"/>. The pixels are traced into polygons on the pixel-corner lattice that share their
/// edges exactly (<see cref="RasterTracer"/>), the stair-steps are simplified without breaking the coverage (NTS
/// <see cref="CoverageSimplifier"/>: each shared edge simplified once, nodes kept, no edge crossing another), and the
/// result is placed in the world and snapped to the 1 mm Gauss-Krüger grid. Pixels of the no-data value are outside;
/// values the table does not list are outside too and reported, one finding per value with its pixel count.
/// </summary>
public static class RasterVectorizer
{
    /// <summary>Vectorizes <paramref name="raster"/>; the input is not changed.</summary>
    /// <param name="raster">The label map.</param>
    /// <param name="table">What each value stands for.</param>
    /// <param name="options"><c>null</c> = defaults.</param>
    /// <returns>One division per code present (an empty set when no pixel has a listed value) and the findings.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The raster states no coordinate system and the options give none; a negative tolerance.</exception>
    public static VectorizeResult Build(LabelRaster raster, RasterCodeTable table, RasterVectorizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(table);
        options ??= new RasterVectorizeOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.SimplifyPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GridMeters);
        var crs = options.RasterCrs ?? raster.Crs
            ?? throw new ArgumentException("the label map states no coordinate system; give one (RasterCrs, --from)", nameof(raster));

        var codes = table.Entries.Values.Select(e => e.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var classOfCode = codes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var classOfValue = table.Entries.ToDictionary(e => e.Key, e => classOfCode[e.Value.Code]);
        var unknown = new SortedDictionary<long, long>();
        var noData = options.NoDataValue ?? raster.NoData;
        var classes = new int[raster.Values.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            var v = raster.Values[i];
            if (v == noData)
            {
                classes[i] = -1;
            }
            else if (classOfValue.TryGetValue(v, out var c))
            {
                classes[i] = c;
            }
            else
            {
                classes[i] = -1;
                unknown[v] = unknown.GetValueOrDefault(v) + 1;
            }
        }

        var pixelFactory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), 0);
        var traced = RasterTracer.Trace(raster.Width, raster.Height, classes, pixelFactory);
        var shapes = traced.Select(t => (Geometry)t.Face).ToArray();
        if (options.SimplifyPixels > 0 && shapes.Length > 0)
        {
            shapes = CoverageSimplifier.Simplify(shapes, options.SimplifyPixels);
        }

        var metric = crs.Kind == CrsKind.GaussKruger ? crs : MetricCrsOf(raster, crs);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(1.0 / options.GridMeters), metric.Epsg);
        var toMetric = CoordinateTransformer.Create(crs, metric);
        var toLonLat = CoordinateTransformer.Create(metric, CrsCode.Cgcs2000);
        var sink = new FindingSink(toLonLat);
        foreach (var (value, count) in unknown)
        {
            sink.Add(VectorizeFindingCode.UnknownRasterValue, options.Strict ? VectorizeSeverity.Error : VectorizeSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"pixel value {value} is not in the code table ({count} pixels left out)"), null, null, count, value);
        }

        var t = raster.Transform;
        var place = new AffineTransformation(t.PixelWidth, t.RowRotation, t.OriginX, t.ColumnRotation, t.PixelHeight, t.OriginY);
        var facesOfClass = new Dictionary<int, List<Geometry>>();
        for (var i = 0; i < traced.Count; i++)
        {
            if (traced[i].Class < 0 || shapes[i].IsEmpty)
            {
                continue;
            }
            var world = toMetric.Transform(place.Transform(shapes[i]));
            var snapped = GeometryPrecisionReducer.ReducePointwise(world, factory.PrecisionModel);
            var onGrid = factory.CreateGeometry(snapped);
            onGrid.SRID = metric.Epsg;
            if (!facesOfClass.TryGetValue(traced[i].Class, out var list))
            {
                facesOfClass[traced[i].Class] = list = [];
            }
            list.Add(onGrid);
        }

        var entryOfCode = table.Entries.Values.GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var divisions = ImmutableArray.CreateBuilder<Division>();
        foreach (var (cls, faces) in facesOfClass.OrderBy(p => codes[p.Key], StringComparer.Ordinal))
        {
            var entry = entryOfCode[codes[cls]];
            var geometry = faces.Count == 1 ? faces[0] : Polygons(CoverageUnion.Union([.. faces]), factory);
            divisions.Add(new Division(entry.Code, entry.Name, entry.Level ?? options.DefaultLevel, entry.ParentCode, geometry));
        }
        return LineworkVectorizer.Assemble(divisions.ToImmutable(), metric, toLonLat, sink);
    }

    private static Geometry Polygons(Geometry g, GeometryFactory factory) => g is Polygon or MultiPolygon
        ? g
        : factory.CreateMultiPolygon([.. PolygonExtracter.GetPolygons(g).Cast<Polygon>()]);

    private static CrsCode MetricCrsOf(LabelRaster raster, CrsCode crs)
    {
        var toLonLat = CoordinateTransformer.Create(crs, CrsCode.Cgcs2000);
        var corners = new[] { (0, 0), (raster.Width, 0), (0, raster.Height), (raster.Width, raster.Height) }
            .Select(c => raster.Transform.Apply(c.Item1, c.Item2))
            .Select(p => toLonLat.Transform(p.X, p.Y))
            .Select(p => (Geometry)NtsGeometryServices.Instance.CreateGeometryFactory().CreatePoint(new Coordinate(p.X, p.Y)));
        return GaussKrugerZone.MetricCrsFor(corners);
    }
}
