using BenchmarkDotNet.Attributes;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Tests.Topology;
using Boundaries.Geo.Topology;

namespace Boundaries.Benchmarks.Topology;

/// <summary>
/// Edge topology of the clean full-size city in lon/lat (947,855 vertices, every level), the flat-array builder against
/// the builder it replaced (kept verbatim in the tests as the equivalence oracle, linked here as the baseline) — both
/// in one run, so the ratio holds even when other work loads the machine.
/// </summary>
[MemoryDiagnoser]
public class TopologyBenchmarks
{
    private DivisionSet _clean = null!;

    [GlobalSetup]
    public void Setup()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full });
        _clean = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
    }

    [Benchmark(Baseline = true, Description = "former builder (NTS metric geometries, tuple dictionaries)")]
    public int Reference() => ReferenceEdgeTopology.Build(_clean).Lines.Length;

    [Benchmark(Description = "EdgeTopology.Build (flat arrays, grid hashes, each point projected once)")]
    public int Flat() => EdgeTopology.Build(_clean).Lines.Length;
}
