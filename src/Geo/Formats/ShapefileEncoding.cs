using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Chooses the text encoding of a shapefile's .dbf: the caller's override, else the .cpg checked against the bytes,
/// else UTF-8 when the record bytes are valid UTF-8 and GBK when they are not. A .cpg that contradicts the bytes
/// (says UTF-8 over bytes that are not UTF-8, or a GBK family name over non-ASCII bytes that are valid UTF-8) is
/// overruled, and the note says so.
/// </summary>
internal static class ShapefileEncoding
{
    static ShapefileEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GBK (code page 936).</summary>
    public static Encoding Gbk => Encoding.GetEncoding(936);

    /// <summary>Picks the encoding and returns a note saying which and why.</summary>
    public static (Encoding Encoding, string Note) Choose(string dbfPath, string? cpgPath, Encoding? overrideEncoding)
    {
        if (overrideEncoding is not null)
        {
            return (overrideEncoding, $"{Path.GetFileName(dbfPath)}: text read as {overrideEncoding.WebName} (given by the caller)");
        }
        var records = RecordBytes(dbfPath);
        var isUtf8 = Utf8.IsValid(records);
        var isAscii = System.Text.Ascii.IsValid(records);
        var dbf = Path.GetFileName(dbfPath);
        if (cpgPath is null)
        {
            return isUtf8
                ? (new UTF8Encoding(false), $"{dbf}: no .cpg file; the text is valid UTF-8, read as UTF-8")
                : (Gbk, $"{dbf}: no .cpg file; the text is not valid UTF-8, read as GBK");
        }
        var cpg = Path.GetFileName(cpgPath);
        var name = File.ReadAllText(cpgPath).Trim();
        var stated = FromName(name)
            ?? throw new BoundariesFormatException($"unknown code page '{name}'; pass the encoding explicitly", cpgPath);
        if (stated.CodePage == 65001 && !isUtf8)
        {
            return (Gbk, $"{dbf}: {cpg} says '{name}' but the text is not valid UTF-8; read as GBK instead");
        }
        if (stated.CodePage is 936 or 54936 && !isAscii && isUtf8)
        {
            return (new UTF8Encoding(false), $"{dbf}: {cpg} says '{name}' but the text is valid UTF-8; read as UTF-8 instead");
        }
        return (stated, $"{dbf}: text read as {stated.WebName} (from {cpg})");
    }

    /// <summary>The encoding a .cpg name means: UTF-8, GBK/CP936/936/GB2312 (read as GBK), GB18030, or any code page .NET knows.</summary>
    internal static Encoding? FromName(string name)
    {
        var n = name.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        switch (n)
        {
            case "UTF8" or "65001":
                return new UTF8Encoding(false);
            case "GBK" or "CP936" or "936" or "MS936" or "WINDOWS936" or "GB2312" or "EUCCN":
                return Gbk; // GBK is a superset of GB2312
            case "GB18030" or "54936":
                return Encoding.GetEncoding(54936);
        }
        try
        {
            return int.TryParse(n, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The bytes after the .dbf header: the records, whose text fields decide the encoding.</summary>
    private static byte[] RecordBytes(string dbfPath)
    {
        var bytes = File.ReadAllBytes(dbfPath);
        if (bytes.Length < 32)
        {
            throw new BoundariesFormatException("not a dBASE file: shorter than its 32-byte header", dbfPath);
        }
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
        return headerLength >= bytes.Length ? [] : bytes[headerLength..];
    }
}
