using BenchmarkDotNet.Attributes;
using Boundaries.Geo.Clean;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Benchmarks.Clean;

/// <summary>
/// Cleaning the full-size generated city (about a million vertices, 16 districts) with every defect class injected,
/// in its own Gauss-Krüger metres. Baseline: what NTS alone offers on the same input — GeometryFixer on the invalid
/// townships, CoverageValidator per district and an OverlayNG union of each district's townships to find gaps (it
/// finds the defects but fixes none of the tiling).
/// </summary>
[MemoryDiagnoser]
public class CleanBenchmarks
{
    private DivisionSet _dirty = null!;
    private DivisionSet _clean = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dirty = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Full, Dirty = DirtyOptions.All }).Divisions;
        _clean = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Full }).Divisions;
    }

    [Benchmark(Baseline = true)]
    public double NtsFixValidateAndUnion()
    {
        var area = 0.0;
        foreach (var group in _dirty.OfLevel(DivisionLevel.Township).GroupBy(d => d.ParentCode))
        {
            var geometries = group.Select(d => d.Geometry.IsValid ? d.Geometry : GeometryFixer.Fix(d.Geometry)).ToArray();
            var invalid = CoverageValidator.Validate(geometries, 0);
            area += invalid.Count(g => g is not null);
            area += OverlayNGRobust.Union(geometries).Area;
        }
        return area;
    }

    [Benchmark]
    public int CleanDirtyCity() => CoverageCleaner.Clean(_dirty).Log.Length;

    [Benchmark]
    public int CleanCleanCity() => CoverageCleaner.Clean(_clean).Log.Length;
}
