using System.Text;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// What GDAL must be told before opening a DXF. AutoCAD 2007 and later (<c>$ACADVER</c> AC1021 and up) write DXF
/// text in UTF-8 whatever <c>$DWGCODEPAGE</c> says (a Chinese drawing says ANSI_936), but GDAL 3.6 recodes from the
/// code page, which garbles every Chinese name; for those files the open sets <c>DXF_ENCODING=UTF-8</c>. Older
/// drawings keep GDAL's reading of <c>$DWGCODEPAGE</c> (ANSI_936 = GBK). A <c>DXF_ENCODING</c> set in the
/// environment wins.
/// </summary>
internal static class DxfHeader
{
    private const int HeadBytes = 256 * 1024;

    /// <summary>The configuration options for opening <paramref name="path"/>; empty for a file that is not a DXF.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> OpenConfig(string path)
    {
        if (!string.Equals(Path.GetExtension(path), ".dxf", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)
            || Environment.GetEnvironmentVariable("DXF_ENCODING") is { Length: > 0 })
        {
            return [];
        }
        return IsUtf8Version(Version(path)) ? [new("DXF_ENCODING", "UTF-8")] : [];
    }

    /// <summary>The <c>$ACADVER</c> value (e.g. <c>AC1015</c>), or <c>null</c> when the header does not say.</summary>
    public static string? Version(string path)
    {
        var buffer = new byte[HeadBytes];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        using var lines = new StringReader(Encoding.Latin1.GetString(buffer, 0, read));
        string? previous = null;
        while (lines.ReadLine() is { } line)
        {
            if (previous == "$ACADVER")
            {
                // the group code (1) follows the variable name; its value is on the next line
                return line.Trim() == "1" ? lines.ReadLine()?.Trim() : null;
            }
            if (line.Trim() == "ENDSEC")
            {
                return null;
            }
            previous = line.Trim();
        }
        return null;
    }

    /// <summary>True for AC1021 (AutoCAD 2007) and later.</summary>
    public static bool IsUtf8Version(string? version) =>
        version is { Length: 6 } v && v.StartsWith("AC", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(v.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1021;
}
