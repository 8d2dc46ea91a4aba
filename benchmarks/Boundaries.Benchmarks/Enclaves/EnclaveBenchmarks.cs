using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Plan;

namespace Boundaries.Benchmarks.Enclaves;

/// <summary>
/// Enclave detection on the full generated city (lon/lat, every level) and planning 500 findings: the full city's
/// candidates replicated with renamed codes (copy k: owner and receivers suffixed #k) until there are 500 findings,
/// planned under a net-area limit of 2 km² per division by the greedy planner and by CP-SAT.
/// </summary>
[MemoryDiagnoser]
public class EnclaveBenchmarks
{
    private DivisionSet _city = null!;
    private List<EnclaveResolution> _options = null!;
    private readonly PlanConstraints _constraints = new() { MaxNetAreaChangeSquareMeters = 2e6 };

    private EnclaveOptions _allLayers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _city = SampleCity.LonLat(CitySize.Full);
        _allLayers = FullCityLayers.Options();
        var dirty = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full, Dirty = DirtyOptions.All });
        var findings = EnclaveFinder.Find(dirty.Divisions);
        var options = EnclaveResolver.Options(dirty.Divisions, findings);
        var perCopy = findings.Length;
        _options = [];
        for (var k = 0; _options.Select(o => o.Finding).Distinct().Count() < 500; k++)
        {
            foreach (var o in options)
            {
                var finding = k * perCopy + o.Finding;
                int? partner = o.Partner is { } p ? k * perCopy + p : null;
                if (finding >= 500 || partner >= 500)
                {
                    continue;
                }
                _options.Add(o with
                {
                    Finding = finding, Partner = partner, From = $"{o.From}#{k % 7}", To = o.To is null ? null : $"{o.To}#{k % 7}",
                    Moves = o.HasMoves ? [.. o.Moves.Select(m => m with { From = $"{m.From}#{k % 7}", To = $"{m.To}#{k % 7}" })] : o.Moves,
                });
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int DetectFullCity() => EnclaveFinder.Find(_city).Length;

    /// <summary>Detection on the full city with roads and address points (managing unit) together, as
    /// <c>enclaves find --roads CITY.layers.geojson --management CITY.layers.geojson</c> (file reading not included).</summary>
    [Benchmark]
    public int DetectFullCityRoadsAndManagement() => EnclaveFinder.Find(_city, _allLayers).Length;

    [Benchmark]
    public double Plan500Greedy() => EnclavePlanner.Plan(_options, _constraints).TotalCost;

    [Benchmark]
    public double Plan500CpSat() => new CpSatPlanSolver().Solve(_options, _constraints).TotalCost;
}
