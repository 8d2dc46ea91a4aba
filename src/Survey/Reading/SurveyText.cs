using System.Text;

namespace Boundaries.Survey.Reading;

/// <summary>
/// Opens a text survey file: a byte-order mark picks UTF-8/UTF-16; otherwise the first 64 KiB decide between UTF-8
/// (when they are valid UTF-8) and GBK (code page 936, common in Chinese survey software such as South CASS).
/// </summary>
internal static class SurveyText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static SurveyText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static StreamReader Open(Stream stream, out Encoding encoding)
    {
        var head = new byte[64 * 1024];
        var n = 0;
        int read;
        while (n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0)
        {
            n += read;
        }
        encoding = Detect(head.AsSpan(0, n));
        var joined = new ConcatenatedStream(new MemoryStream(head, 0, n, writable: false), stream);
        return new StreamReader(joined, encoding, detectEncodingFromByteOrderMarks: true);
    }

    private static Encoding Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.UTF8; // the reader follows the mark
        }
        // Trim a multi-byte sequence cut at the end of the sample before validating.
        var cut = head.Length;
        for (var back = 0; back < 3 && cut - back - 1 >= 0; back++)
        {
            var b = head[cut - back - 1];
            if ((b & 0xC0) == 0xC0)
            {
                cut = cut - back - 1;
                break;
            }
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        try
        {
            StrictUtf8.GetCharCount(head[..cut]);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Gbk;
        }
    }
}
