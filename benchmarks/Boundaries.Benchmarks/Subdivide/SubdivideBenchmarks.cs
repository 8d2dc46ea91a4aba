using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Model;
using Boundaries.Geo.Subdivide;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Subdivide;

/// <summary>
/// Cutting every division of the full-size generated city (<see cref="SampleCity"/>, about 950,000 vertices) into parts
/// of at most 128 points, as the PostGIS store's import does before streaming them (PostGIS ST_Subdivide took 4.85 s for
/// the same on this machine, see docs/benchmarks.md): one core, and both cores as the import runs it.
/// </summary>
[MemoryDiagnoser]
public class SubdivideBenchmarks
{
    private Division[] _divisions = [];

    [GlobalSetup]
    public void Setup()
    {
        _divisions = [.. SampleCity.LonLat(CitySize.Full).Divisions];
        Console.WriteLine($"// parts: {_divisions.Sum(d => PolygonSubdivider.Subdivide(d.Geometry, 128)!.Count)} from {_divisions.Length} divisions");
    }

    [Benchmark(Baseline = true)]
    public int OneCore()
    {
        var parts = 0;
        foreach (var d in _divisions)
        {
            parts += PolygonSubdivider.Subdivide(d.Geometry, 128)!.Count;
        }
        return parts;
    }

    [Benchmark]
    public int BothCores()
    {
        var parts = 0;
        Parallel.ForEach(_divisions, d => Interlocked.Add(ref parts, PolygonSubdivider.Subdivide(d.Geometry, 128)!.Count));
        return parts;
    }
}
