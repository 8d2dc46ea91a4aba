using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Synthesis;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Boundaries.Benchmarks.Crs;

/// <summary>
/// Projecting every vertex of the full-size city (about a million) from CGCS2000 lon/lat to its Gauss-Krüger zone
/// (EPSG:4548): our Krüger-series transverse Mercator on a flat array, beside ProjNet (the baseline) on the same points.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    // gdalsrsinfo -o wkt1 EPSG:4548 (axis lines dropped: ProjNet takes easting first)
    private const string Epsg4548 =
        "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\"," +
        "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",117]," +
        "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

    private double[] _lonLat = null!;
    private double[] _work = null!;
    private double[][] _points = null!;
    private CoordinateTransformer _ours = null!;
    private MathTransform _projNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var coordinates = SampleCity.LonLat(CitySize.Full).Divisions.SelectMany(d => d.Geometry.Coordinates).ToArray();
        _lonLat = new double[coordinates.Length * 2];
        _points = new double[coordinates.Length][];
        for (var i = 0; i < coordinates.Length; i++)
        {
            _lonLat[2 * i] = coordinates[i].X;
            _lonLat[2 * i + 1] = coordinates[i].Y;
            _points[i] = [coordinates[i].X, coordinates[i].Y];
        }
        _work = new double[_lonLat.Length];
        _ours = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.GaussKruger(39, zonePrefixed: false));
        var target = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Epsg4548);
        _projNet = new CoordinateTransformationFactory().CreateFromCoordinateSystems(target.GeographicCoordinateSystem, target).MathTransform;
    }

    [Benchmark(Baseline = true)]
    public double ProjNet()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            var (x, y) = _projNet.Transform(p[0], p[1]);
            sum += x + y;
        }
        return sum;
    }

    [Benchmark]
    public double KrugerSeries()
    {
        _lonLat.CopyTo(_work, 0);
        _ours.Transform(_work.AsSpan());
        return _work[0] + _work[^1];
    }
}
