using System.Buffers;

namespace Boundaries.Viewer.Api;

/// <summary>
/// A chunk of points read from a batch body: coordinates, and per point the raw JSON of its id and (GeoJSON) of its
/// properties object, kept in one arena so nothing is allocated per point.
/// </summary>
internal sealed class PointChunk(int capacity)
{
    public int Capacity { get; } = capacity;

    public int Count { get; private set; }

    public double[] X { get; } = new double[capacity];

    public double[] Y { get; } = new double[capacity];

    public ArrayBufferWriter<byte> Arena { get; } = new(1 << 20);

    // Per point: [id start, id end, properties start, properties end) in the arena; start == end = absent.
    private readonly int[] _spans = new int[capacity * 4];

    public void Clear()
    {
        Count = 0;
        Arena.ResetWrittenCount();
    }

    public void Add(double x, double y, ReadOnlySpan<byte> rawId, ReadOnlySpan<byte> rawProperties)
    {
        var i = Count++;
        X[i] = x;
        Y[i] = y;
        _spans[i * 4] = Arena.WrittenCount;
        Arena.Write(rawId);
        _spans[i * 4 + 1] = Arena.WrittenCount;
        _spans[i * 4 + 2] = Arena.WrittenCount;
        Arena.Write(rawProperties);
        _spans[i * 4 + 3] = Arena.WrittenCount;
    }

    public ReadOnlySpan<byte> Id(int i) => Arena.WrittenSpan[_spans[i * 4].._spans[i * 4 + 1]];

    public ReadOnlySpan<byte> Properties(int i) => Arena.WrittenSpan[_spans[i * 4 + 2].._spans[i * 4 + 3]];
}
