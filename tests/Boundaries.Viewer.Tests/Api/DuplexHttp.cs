using System.Net.Sockets;
using System.Text;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>
/// A minimal HTTP/1.1 client that sends a chunked request body while it reads the (chunked) response — what a
/// streaming batch needs and HttpClient's HTTP/1.1 handler does not do (it finishes sending before it reads).
/// </summary>
internal static class DuplexHttp
{
    public static async Task<int> PostAsync(Uri baseUrl, string path, string contentType,
        Func<Stream, Task> writeBody, Func<string, Task> onLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        tcp.NoDelay = true;
        var network = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        await network.WriteAsync(Encoding.ASCII.GetBytes(head));
        var sending = Task.Run(async () =>
        {
            await using var chunked = new ChunkedWriteStream(network);
            await writeBody(chunked);
        });
        var reader = new StreamReader(network, Encoding.UTF8, false, 1 << 16);
        var status = await reader.ReadLineAsync() ?? throw new IOException("no response");
        var code = int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var isChunked = false;
        while (await reader.ReadLineAsync() is { Length: > 0 } header)
        {
            isChunked |= header.StartsWith("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        }
        if (!isChunked)
        {
            throw new IOException("expected a chunked (streamed) answer");
        }
        // Decode the chunks into lines.
        var pending = new StringBuilder();
        var buffer = new char[1 << 16];
        while (await reader.ReadLineAsync() is { } sizeLine)
        {
            var size = Convert.ToInt32(sizeLine.Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }
            // Chunk sizes count bytes; the body is ASCII here (ids and numbers), so chars = bytes.
            var left = size;
            while (left > 0)
            {
                var n = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(left, buffer.Length)));
                if (n == 0)
                {
                    throw new IOException("connection closed inside a chunk");
                }
                left -= n;
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        pending.Append(buffer, start, i - start);
                        await onLine(pending.ToString());
                        pending.Clear();
                        start = i + 1;
                    }
                }
                pending.Append(buffer, start, n - start);
            }
            await reader.ReadLineAsync();
        }
        await sending;
        return code;
    }

    private sealed class ChunkedWriteStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0)
            {
                return;
            }
            await inner.WriteAsync(Encoding.ASCII.GetBytes(buffer.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask DisposeAsync()
        {
            await inner.WriteAsync("0\r\n\r\n"u8.ToArray());
            await inner.FlushAsync();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
