namespace Boundaries.Viewer.Limits;

/// <summary>A request body that refuses to be read past a byte limit, feeds a <see cref="BodyScanner"/>, and gives up when the request's time is up.</summary>
internal sealed class LimitedBodyStream(Stream inner, long maxBytes, BodyScanner scanner, CancellationToken timeout) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout);
        var n = await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        return Count(n, buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n, ReadOnlySpan<byte> buffer)
    {
        _read += n;
        if (_read > maxBytes)
        {
            throw LimitExceededException.BodyTooLarge(maxBytes);
        }
        scanner.Scan(buffer[..n]);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
