using System.Buffers;
using System.Text;

namespace Boundaries.Survey.Reading;

/// <summary>
/// Reads a stream line by line as bytes, in constant memory: one pooled buffer, no string per line. UTF-16 files
/// with a byte-order mark are transcoded to UTF-8 on the fly; a UTF-8 BOM is skipped. A line longer than
/// <see cref="MaxLineBytes"/> is returned cut, with <see cref="LastLineTooLong"/> set, and the rest of it skipped.
/// The span a read returns is valid until the next read.
/// </summary>
internal sealed class ByteLineReader : IDisposable
{
    public const int MaxLineBytes = 16 * 1024;
    private readonly Stream stream;
    private readonly bool ownsStream;
    private byte[] buffer;
    private int start;
    private int end;
    private bool eof;

    public ByteLineReader(Stream stream, int bufferBytes = 64 * 1024)
    {
        this.stream = stream;
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferBytes, MaxLineBytes * 2));
        var head = Fill();
        if (head >= 2 && buffer[0] == 0xFF && buffer[1] == 0xFE)
        {
            this.stream = Transcode(System.Text.Encoding.Unicode, 2);
            ownsStream = true;
        }
        else if (head >= 2 && buffer[0] == 0xFE && buffer[1] == 0xFF)
        {
            this.stream = Transcode(System.Text.Encoding.BigEndianUnicode, 2);
            ownsStream = true;
        }
        else if (head >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            start = 3;
        }
        TextEncoding = ownsStream ? "UTF-16" : "UTF-8";
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Whether the line last returned was cut at <see cref="MaxLineBytes"/>.</summary>
    public bool LastLineTooLong { get; private set; }

    /// <summary>"UTF-16" when the file had a UTF-16 byte-order mark, else "UTF-8" (bytes passed through).</summary>
    public string TextEncoding { get; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        LastLineTooLong = false;
        while (true)
        {
            var available = buffer.AsSpan(start, end - start);
            var nl = available.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = TrimCr(available[..nl]);
                if (line.Length > MaxLineBytes)
                {
                    LastLineTooLong = true;
                    line = line[..MaxLineBytes];
                }
                start += nl + 1;
                LineNumber++;
                return true;
            }
            if (eof)
            {
                if (available.Length == 0)
                {
                    line = default;
                    return false;
                }
                line = TrimCr(available);
                if (line.Length > MaxLineBytes)
                {
                    LastLineTooLong = true;
                    line = line[..MaxLineBytes];
                }
                start = end;
                LineNumber++;
                return true;
            }
            if (available.Length >= MaxLineBytes)
            {
                // Too long for any record: hand back the head, then skip to the next newline.
                LineNumber++;
                LastLineTooLong = true;
                var head = available[..MaxLineBytes].ToArray();
                SkipRestOfLine();
                line = head;
                return true;
            }
            Compact();
            Fill();
        }
    }

    public void Dispose()
    {
        if (ownsStream)
        {
            stream.Dispose();
        }
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private Stream Transcode(Encoding from, int bomBytes)
    {
        // The bytes already buffered belong to the UTF-16 stream: replay them ahead of the rest.
        var buffered = new MemoryStream(buffer.AsSpan(bomBytes, end - bomBytes).ToArray(), writable: false);
        var joined = new ConcatenatedStream(buffered, stream);
        start = end = 0;
        eof = false;
        return System.Text.Encoding.CreateTranscodingStream(joined, from, System.Text.Encoding.UTF8, leaveOpen: false);
    }

    private void SkipRestOfLine()
    {
        while (true)
        {
            var available = buffer.AsSpan(start, end - start);
            var nl = available.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                start += nl + 1;
                return;
            }
            start = end = 0;
            if (eof || Fill() == 0)
            {
                return;
            }
        }
    }

    private void Compact()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private int Fill()
    {
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
        }
        end += read;
        return read;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
