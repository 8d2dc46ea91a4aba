using BenchmarkDotNet.Attributes;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Benchmarks.Validation;

/// <summary>
/// Validation and topology of the full-size generated city in CGCS2000 lon/lat (about a million vertices) with every
/// defect class injected (seed 1). Baseline: the NTS route on the same input — IsValidOp on every division plus
/// CoverageValidator (with a gap width) on every coverage (level × parent), which finds invalid rings, overlaps and
/// narrow enclosed gaps but not the hierarchy, attribute or open-gap checks ours adds.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private DivisionSet _dirty = null!;
    private DivisionSet _clean = null!;
    private List<Geometry[]> _coverages = [];

    [GlobalSetup]
    public void Setup()
    {
        _dirty = LonLat(CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full, Dirty = DirtyOptions.All }));
        _clean = LonLat(CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full }));
        _coverages = [.. Coverage.GroupOf(_dirty.Divisions).Select(c => c.Divisions.Select(d => d.Geometry).ToArray())];
        var report = CoverageChecker.Check(_dirty);
        Console.WriteLine($"// dirty city: {_dirty.Divisions.Length} divisions, {_dirty.VertexCount()} vertices; {report.Findings.Length} findings " +
            $"({string.Join(", ", report.CountByCode().Select(p => $"{p.Key.Name()} {p.Value}"))})");
        var topology = EdgeTopology.Build(_clean);
        Console.WriteLine($"// clean city topology: {topology.Lines.Length} lines, {topology.Nodes.Length} nodes, {topology.TriJunctions.Count()} tri-junctions");
    }

    private static DivisionSet LonLat(SyntheticCity city) =>
        new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);

    [Benchmark(Baseline = true, Description = "NTS: IsValidOp + CoverageValidator(gap width 0.001°) per coverage")]
    public int NtsCoverageValidator()
    {
        var invalid = 0;
        foreach (var d in _dirty.Divisions)
        {
            invalid += new IsValidOp(d.Geometry).IsValid ? 0 : 1;
        }
        foreach (var coverage in _coverages)
        {
            invalid += CoverageValidator.Validate(coverage, 0.001).Count(g => g is not null);
        }
        return invalid;
    }

    [Benchmark(Description = "Boundaries: CoverageChecker.Check (all checks)")]
    public int CoverageChecker_Check() => CoverageChecker.Check(_dirty).Findings.Length;

    [Benchmark(Description = "Boundaries: EdgeTopology.Build (clean city, every level)")]
    public int EdgeTopology_Build() => EdgeTopology.Build(_clean).Lines.Length;
}
