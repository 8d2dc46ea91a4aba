using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Synthesis;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Sources;
using NetTopologySuite.Geometries;

namespace Boundaries.Benchmarks.Viewer;

/// <summary>
/// The work of one <c>GET /api/v1/locate</c> apart from HTTP, on the full-size sample city, per request: the former
/// answer (detailed <c>Locate</c> → <see cref="LocateAnswer"/> record → <see cref="JsonSerializer"/>) against the lean
/// one (raw query string parsed → <c>LocateDetailed</c> into spans → pre-encoded names through a reused
/// <see cref="Utf8JsonWriter"/>). Both give the same bytes (tests/Boundaries.Viewer.Tests LocateAnswerBytesTests).
/// </summary>
[MemoryDiagnoser]
public class LocateAnswerBenchmarks
{
    private const int Points = 4096;

    private BoundarySnapshot _snapshot = null!;
    private string[] _queries = [];
    private double[] _x = [];
    private double[] _y = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var divisions = SampleCity.LonLat(CitySize.Full).Divisions;
        _snapshot = new BoundarySnapshot(divisions, 1, DateTimeOffset.UnixEpoch);
        var extent = new Envelope();
        foreach (var d in divisions)
        {
            extent.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        var random = new Random(42);
        _x = new double[Points];
        _y = new double[Points];
        _queries = new string[Points];
        for (var i = 0; i < Points; i++)
        {
            var x = (extent.MinX + random.NextDouble() * extent.Width).ToString("F7", CultureInfo.InvariantCulture);
            var y = (extent.MinY + random.NextDouble() * extent.Height).ToString("F7", CultureInfo.InvariantCulture);
            _queries[i] = $"?lon={x}&lat={y}";
            (_x[i], _y[i]) = (double.Parse(x, CultureInfo.InvariantCulture), double.Parse(y, CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < 256; i++)
        {
            LeanAt(i);
            if (!_buffer.WrittenSpan.SequenceEqual(FormerAt(i)))
            {
                throw new InvalidOperationException($"the lean answer differs from the record's at {_queries[i]}");
            }
        }
    }

    /// <summary>As the endpoint answered before: allocates the result, the record and the bytes.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Former() => FormerAt(_next++ & (Points - 1));

    /// <summary>The fast path's work: parse the raw query string, locate into spans, write into a reused buffer.</summary>
    [Benchmark]
    public int Lean() => LeanAt(_next++ & (Points - 1));

    private byte[] FormerAt(int i)
    {
        var result = _snapshot.Locator.Locate(_x[i], _y[i]);
        return JsonSerializer.SerializeToUtf8Bytes(LocateAnswer.From(result, _x[i], _y[i], CrsCode.Cgcs2000), ViewerJson.Options);
    }

    private int LeanAt(int i)
    {
        if (!LocateQuery.TryParseRaw(_queries[i], out var query))
        {
            throw new InvalidOperationException(_queries[i]);
        }
        _buffer.ResetWrittenCount();
        LocateAnswerWriter.Write(_buffer, _snapshot, query);
        return _buffer.WrittenCount;
    }
}
