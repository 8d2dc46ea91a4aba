using BenchmarkDotNet.Attributes;
using Boundaries.Survey.Nmea;

namespace Boundaries.Benchmarks.Survey;

/// <summary>
/// NMEA parsing of a generated 1,000,000-line log (GGA, RMC, GSA, GST at 10 Hz; 250,000 epochs), checksums verified
/// and every field decoded. Baseline: a straightforward parser (StreamReader.ReadLine, string.Split, double.Parse).
/// Lines per second = 1,000,000 / mean.
/// </summary>
[MemoryDiagnoser]
public class NmeaBenchmarks
{
    private const int Lines = 1_000_000;
    private byte[] _log = [];

    [GlobalSetup]
    public void Setup() => _log = NmeaLogGenerator.Generate(Lines);

    [Benchmark(Baseline = true)]
    public int StringSplitParser() => StringSplitNmea.Count(new MemoryStream(_log, writable: false));

    /// <summary>The toolkit's reader, streaming points to a callback (constant memory).</summary>
    [Benchmark]
    public long NmeaReaderStreaming()
    {
        long fixes = 0;
        NmeaReader.Read(new MemoryStream(_log, writable: false), _ => fixes++);
        return fixes;
    }

    /// <summary>The toolkit's reader, keeping all 250,000 points.</summary>
    [Benchmark]
    public int NmeaReaderMaterialised() => NmeaReader.Read(new MemoryStream(_log, writable: false)).Batch.Points.Length;
}
