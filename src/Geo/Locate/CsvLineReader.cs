namespace Boundaries.Geo.Locate;

/// <summary>
/// Reads a UTF-8 stream line by line into a reusable buffer (a line's bytes stay valid until the next call).
/// A newline inside a quoted field does not end the line. Strips a UTF-8 byte-order mark and a trailing CR.
/// </summary>
internal sealed class CsvLineReader(Stream input)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof, _first = true;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its end; <c>null</c> at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken cancellationToken)
    {
        var scan = _start;
        var quoted = false;
        while (true)
        {
            for (; scan < _end; scan++)
            {
                var b = _buffer[scan];
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    var line = Trim(_start, scan);
                    _start = scan + 1;
                    LineNumber++;
                    return line;
                }
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }
                var last = Trim(_start, _end);
                _start = _end;
                LineNumber++;
                return last;
            }
            // Keep the partial line, then read more.
            var kept = _end - _start;
            if (kept == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
                scan -= _start;
                (_start, _end) = (0, kept);
            }
            var read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
            }
            _end += read;
            if (_first && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = scan = 3;
            }
            _first = _first && _end < 3 && !_eof;
        }
    }

    private ReadOnlyMemory<byte> Trim(int from, int to) =>
        _buffer.AsMemory(from, to > from && _buffer[to - 1] == (byte)'\r' ? to - from - 1 : to - from);
}
