using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Formats;

/// <summary>
/// Reading and writing the generated city (full size: about a million vertices) as GeoPackage and GeoJSON.
/// The aim of issue 2: a full GeoPackage round trip (write + read) under 2 s on this machine.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private DivisionSet _city = null!;
    private string _dir = null!;

    [Params(CitySize.Full)]
    public CitySize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _city = SampleCity.LonLat(Size);
        _dir = Path.Combine(Path.GetTempPath(), "boundaries-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        DivisionFiles.Write(_city, Read("gpkg"));
        DivisionFiles.Write(_city, Read("geojson"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public int GeoPackageRoundTrip()
    {
        var path = Written("gpkg");
        DivisionFiles.Write(_city, path);
        return DivisionFiles.Read(path).Set.Divisions.Length;
    }

    [Benchmark]
    public void GeoPackageWrite() => DivisionFiles.Write(_city, Written("gpkg"));

    [Benchmark]
    public int GeoPackageRead() => DivisionFiles.Read(Read("gpkg")).Set.Divisions.Length;

    [Benchmark]
    public void GeoJsonWrite() => DivisionFiles.Write(_city, Written("geojson"));

    [Benchmark]
    public int GeoJsonRead() => DivisionFiles.Read(Read("geojson")).Set.Divisions.Length;

    private string Read(string extension) => Path.Combine(_dir, "city." + extension);

    private string Written(string extension) => Path.Combine(_dir, "out." + extension);
}
