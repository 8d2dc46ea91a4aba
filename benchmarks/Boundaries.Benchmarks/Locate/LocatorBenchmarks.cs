using BenchmarkDotNet.Attributes;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Benchmarks.Locate;

/// <summary>
/// Exact point-in-division lookups of 1,000,000 random points over a synthetic city of about 250 townships
/// (about 1 million township vertices) under 16 districts. Results are per point (OperationsPerInvoke).
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
        var divisions = SyntheticCity.Build();
        var townships = divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        _townships = DivisionLocator.Build(townships);
        _chain = DivisionLocator.Build(divisions);
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
            _x[i] = 116.4 + random.NextDouble() * 1.7;
            _y[i] = 38.6 + random.NextDouble() * 1.0;
        }
        _result = new int[Points * 2];
        Console.WriteLine($"// synthetic city: {townships.Count} townships, {townships.Sum(t => (long)t.Geometry.NumPoints)} township vertices, " +
            $"{divisions.Count - townships.Count} districts, {divisions.Sum(d => (long)d.Geometry.NumPoints)} vertices in all");
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

    /// <summary>Our locator, the whole chain (district and township), one thread.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public long LocatorChainSingleThread()
    {
        long sum = 0;
        Span<int> result = stackalloc int[2];
        for (var i = 0; i < Points; i++)
        {
            _chain.Locate(_x[i], _y[i], result);
            sum += result[1];
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
