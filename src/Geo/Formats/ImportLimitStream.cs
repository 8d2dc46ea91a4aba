namespace Boundaries.Geo.Formats;

/// <summary>
/// A read-only stream over an import that counts bytes and, for line-oriented formats, the bytes since the last line
/// feed; past a limit of <see cref="ImportLimits"/> it throws <see cref="ImportLimitException"/> naming the source and
/// the line, before a reader could buffer a huge line or file. Disposing it leaves the inner stream open (its owner closes it).
/// </summary>
public sealed class ImportLimitStream(Stream inner, ImportLimits limits, string? source, bool countLines) : Stream
{
    private long _total;
    private long _line = 1;
    private long _lineBytes;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _total;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Count(ReadOnlySpan<byte> read)
    {
        _total += read.Length;
        if (_total > limits.MaxFileBytes)
        {
            throw ImportLimitException.FileTooLarge(source, limits.MaxFileBytes);
        }
        if (!countLines)
        {
            return;
        }
        while (read.Length > 0)
        {
            var feed = read.IndexOf((byte)'\n');
            var part = feed < 0 ? read.Length : feed;
            if (_lineBytes + part > limits.MaxLineBytes)
            {
                throw ImportLimitException.LineTooLong(source, _line, limits.MaxLineBytes);
            }
            if (feed < 0)
            {
                _lineBytes += part;
                return;
            }
            _line++;
            _lineBytes = 0;
            read = read[(feed + 1)..];
        }
    }
}
