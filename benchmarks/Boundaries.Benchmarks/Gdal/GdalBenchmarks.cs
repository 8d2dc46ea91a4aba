using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Gdal;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Gdal;

/// <summary>
/// Reading the full-size generated city (about a million vertices) from a GeoPackage: the built-in reader (baseline)
/// against the GDAL bridge (libgdal 3.6 through LibraryImport, geometry through ISO WKB). The aim of issue 10: the
/// bridge within 2× the built-in reader.
/// </summary>
[MemoryDiagnoser]
public class GdalBenchmarks
{
    private string _dir = null!;
    private string _path = null!;

    [Params(CitySize.Full)]
    public CitySize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "boundaries-gdal-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _path = Path.Combine(_dir, "city.gpkg");
        DivisionFiles.Write(SampleCity.LonLat(Size), _path);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public int BuiltInGeoPackageReader() => DivisionFiles.Read(_path).Set.Divisions.Length;

    [Benchmark]
    public int GdalBridgeDivisions() => GdalDivisionReader.Read(_path, DivisionReadOptions.Default).Set.Divisions.Length;

    [Benchmark]
    public long GdalBridgeFeatureStream()
    {
        using var dataset = GdalVectorDataset.Open(_path);
        long vertices = 0;
        foreach (var layer in dataset.Layers)
        {
            foreach (var feature in dataset.ReadFeatures(layer.Index))
            {
                vertices += feature.Geometry?.NumPoints ?? 0;
            }
        }
        return vertices;
    }
}
