using System.Globalization;
using System.Text;
using Boundaries.Geo.Vectorize;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>
/// Writes a DXF by hand (group code / value pairs, no library), as CAD exports it: boundary lines as LINE (two
/// points) or LWPOLYLINE (more) on layer BOUNDARY; closed outlines as closed LWPOLYLINE on layer AREA; labels as
/// INSERTs of block LBL with attributes CODE, NAME, PARENT on layer LABELS, or as TEXT on layer LABELS.
/// </summary>
internal static class DxfTestWriter
{
    /// <summary>What one drawing holds.</summary>
    public sealed record Drawing
    {
        public IReadOnlyList<LineString> Lines { get; init; } = [];

        public IReadOnlyList<LineString> ClosedOutlines { get; init; } = [];

        public IReadOnlyList<LabelPoint> BlockLabels { get; init; } = [];

        public IReadOnlyList<LabelPoint> TextLabels { get; init; } = [];
    }

    /// <summary>
    /// Writes <paramref name="drawing"/>: AutoCAD 2007 format (AC1021, UTF-8) when <paramref name="gbk"/> is false,
    /// else AutoCAD 2000 (AC1015) with <c>$DWGCODEPAGE ANSI_936</c> and the text in GBK.
    /// </summary>
    public static void Write(string path, Drawing drawing, bool gbk = false)
    {
        var d = new StringBuilder();
        Pair(d, 0, "SECTION");
        Pair(d, 2, "HEADER");
        Pair(d, 9, "$ACADVER");
        Pair(d, 1, gbk ? "AC1015" : "AC1021");
        Pair(d, 9, "$DWGCODEPAGE");
        Pair(d, 3, gbk ? "ANSI_936" : "ANSI_1252");
        Pair(d, 0, "ENDSEC");
        Pair(d, 0, "SECTION");
        Pair(d, 2, "BLOCKS");
        Pair(d, 0, "BLOCK");
        Pair(d, 8, "0");
        Pair(d, 2, "LBL");
        Pair(d, 70, "2");
        Xyz(d, 0, 0);
        Pair(d, 3, "LBL");
        Pair(d, 0, "POINT");
        Pair(d, 8, "0");
        Xyz(d, 0, 0);
        foreach (var tag in new[] { "CODE", "NAME", "PARENT" })
        {
            Pair(d, 0, "ATTDEF");
            Pair(d, 8, "0");
            Xyz(d, 0, 0);
            Pair(d, 40, "1.0");
            Pair(d, 1, "");
            Pair(d, 3, tag);
            Pair(d, 2, tag);
            Pair(d, 70, "0");
        }
        Pair(d, 0, "ENDBLK");
        Pair(d, 8, "0");
        Pair(d, 0, "ENDSEC");
        Pair(d, 0, "SECTION");
        Pair(d, 2, "ENTITIES");
        foreach (var line in drawing.Lines)
        {
            if (line.NumPoints == 2)
            {
                Pair(d, 0, "LINE");
                Pair(d, 8, "BOUNDARY");
                Xyz(d, line.GetCoordinateN(0).X, line.GetCoordinateN(0).Y);
                Pair(d, 11, Number(line.GetCoordinateN(1).X));
                Pair(d, 21, Number(line.GetCoordinateN(1).Y));
                Pair(d, 31, "0.0");
            }
            else
            {
                Polyline(d, "BOUNDARY", line.Coordinates, closed: false);
            }
        }
        foreach (var outline in drawing.ClosedOutlines)
        {
            // a closed LWPOLYLINE repeats no vertex: flag 70 = 1 closes it
            Polyline(d, "AREA", outline.Coordinates[..^1], closed: true);
        }
        foreach (var label in drawing.BlockLabels)
        {
            Pair(d, 0, "INSERT");
            Pair(d, 8, "LABELS");
            Pair(d, 66, "1");
            Pair(d, 2, "LBL");
            Xyz(d, label.Location.X, label.Location.Y);
            foreach (var (tag, value) in new[] { ("CODE", label.Code), ("NAME", label.Name), ("PARENT", label.ParentCode ?? "") })
            {
                Pair(d, 0, "ATTRIB");
                Pair(d, 8, "LABELS");
                Xyz(d, label.Location.X, label.Location.Y);
                Pair(d, 40, "1.0");
                Pair(d, 1, value);
                Pair(d, 2, tag);
                Pair(d, 70, "0");
            }
            Pair(d, 0, "SEQEND");
            Pair(d, 8, "LABELS");
        }
        foreach (var label in drawing.TextLabels)
        {
            Pair(d, 0, "TEXT");
            Pair(d, 8, "LABELS");
            Xyz(d, label.Location.X, label.Location.Y);
            Pair(d, 40, "1.0");
            Pair(d, 1, label.Code);
        }
        Pair(d, 0, "ENDSEC");
        Pair(d, 0, "EOF");
        File.WriteAllText(path, d.ToString(), gbk ? Geo.Formats.ShapefileEncoding.Gbk : new UTF8Encoding(false));
    }

    private static void Polyline(StringBuilder d, string layer, Coordinate[] points, bool closed)
    {
        Pair(d, 0, "LWPOLYLINE");
        Pair(d, 8, layer);
        Pair(d, 90, points.Length.ToString(CultureInfo.InvariantCulture));
        Pair(d, 70, closed ? "1" : "0");
        foreach (var c in points)
        {
            Pair(d, 10, Number(c.X));
            Pair(d, 20, Number(c.Y));
        }
    }

    private static void Xyz(StringBuilder d, double x, double y)
    {
        Pair(d, 10, Number(x));
        Pair(d, 20, Number(y));
        Pair(d, 30, "0.0");
    }

    private static void Pair(StringBuilder d, int code, string value) =>
        d.Append(code.ToString(CultureInfo.InvariantCulture)).Append("\r\n").Append(value).Append("\r\n");

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
