using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Locate;

/// <summary>
/// Exact point-in-division lookups of 1,000,000 random points over the full-size generated sample city
/// (<see cref="SampleCity"/>: 250 townships under 16 districts under the city, about 950,000 vertices), the points
/// uniform over the city's extent. Results are per point (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class LocatorBenchmarks
{
    private const int Points = 1_000_000;

    private double[] _x = [];
    private double[] _y = [];
    private int[] _result = [];
    private STRtree<(IndexedPointInAreaLocator Locator, int Index)> _ntsTree = new();
    private DivisionLocator _townships = null!;
    private DivisionLocator _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var divisions = SampleCity.LonLat(CitySize.Full).Divisions;
        var townships = divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        _townships = DivisionLocator.Build(townships);
        _chain = DivisionLocator.Build(divisions);
        var extent = new Envelope();
        foreach (var d in divisions)
        {
            extent.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        _ntsTree = new STRtree<(IndexedPointInAreaLocator, int)>();
        for (var i = 0; i < townships.Count; i++)
        {
            _ntsTree.Insert(townships[i].Geometry.EnvelopeInternal, (new IndexedPointInAreaLocator(townships[i].Geometry), i));
        }
        _ntsTree.Build();
        var random = new Random(42);
        _x = new double[Points];
        _y = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            _x[i] = extent.MinX + random.NextDouble() * extent.Width;
            _y[i] = extent.MinY + random.NextDouble() * extent.Height;
        }
        _result = new int[Points * _chain.Levels.Length];
        Console.WriteLine($"// sample city (full): {townships.Count} townships, {townships.Sum(t => (long)t.Geometry.NumPoints)} township vertices, " +
            $"{divisions.Length - townships.Count} districts and city, {divisions.Sum(d => (long)d.Geometry.NumPoints)} vertices in all");
        CheckAgreement();
    }

    /// <summary>The benchmark is only worth running if the two answer alike: compare the first 20,000 points.</summary>
    private void CheckAgreement()
    {
        Span<int> result = stackalloc int[1];
        for (var i = 0; i < 20_000; i++)
        {
            var c = new Coordinate(_x[i], _y[i]);
            var expected = -1;
            foreach (var (locator, index) in _ntsTree.Query(new Envelope(c)))
            {
                if (locator.Locate(c) != Location.Exterior)
                {
                    expected = index;
                    break;
                }
            }
            _townships.Locate(_x[i], _y[i], result);
            if (result[0] != expected)
            {
                throw new InvalidOperationException($"point {i} ({_x[i]:R}, {_y[i]:R}): NTS {expected}, locator {result[0]}");
            }
        }
    }

    /// <summary>NTS: STR-tree of township envelopes, then IndexedPointInAreaLocator on each candidate.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public long NtsStrtreeIndexedPointInArea()
    {
        long sum = 0;
        for (var i = 0; i < Points; i++)
        {
            var c = new Coordinate(_x[i], _y[i]);
            var found = -1;
            foreach (var (locator, index) in _ntsTree.Query(new Envelope(c)))
            {
                if (locator.Locate(c) != Location.Exterior)
                {
                    found = index;
                    break;
                }
            }
            sum += found;
        }
        return sum;
    }

    /// <summary>Our locator, township level only, one thread.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public long LocatorTownshipSingleThread()
    {
        long sum = 0;
        Span<int> result = stackalloc int[1];
        for (var i = 0; i < Points; i++)
        {
            _townships.Locate(_x[i], _y[i], result);
            sum += result[0];
        }
        return sum;
    }

    /// <summary>Our locator, the whole chain (city, district and township), one thread.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public long LocatorChainSingleThread()
    {
        long sum = 0;
        Span<int> result = stackalloc int[_chain.Levels.Length];
        for (var i = 0; i < Points; i++)
        {
            _chain.Locate(_x[i], _y[i], result);
            sum += result[^1];
        }
        return sum;
    }

    /// <summary>Our locator, the whole chain, LocateBatch on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int LocatorChainBatch()
    {
        _chain.LocateBatch(_x, _y, _result);
        return _result[^1];
    }
}
