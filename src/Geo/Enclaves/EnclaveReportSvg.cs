using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Boundaries.Geo.Enclaves;

/// <summary>A small inline SVG map of polygons in a metric (GK) plane, scaled to fit a fixed box, north up.</summary>
internal static class EnclaveReportSvg
{
    public const int Width = 320;
    public const int Height = 240;
    private const double Pad = 8;

    /// <summary>One layer: the geometry (GK metres) and its CSS class.</summary>
    public readonly record struct Layer(Geometry Geometry, string CssClass);

    /// <summary>The layers drawn in order over <paramref name="extent"/>, with a caption.</summary>
    public static string Render(Envelope extent, string caption, IEnumerable<Layer> layers)
    {
        var w = Math.Max(extent.Width, 1);
        var h = Math.Max(extent.Height, 1);
        var scale = Math.Min((Width - 2 * Pad) / w, (Height - 2 * Pad) / h);
        var dx = (Width - w * scale) / 2;
        var dy = (Height - h * scale) / 2;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        b.Append("<title>").Append(EnclaveReport.E(caption)).Append("</title>");
        b.Append("<text x=\"6\" y=\"16\" font-size=\"13\">").Append(EnclaveReport.E(caption)).Append("</text>");
        foreach (var layer in layers)
        {
            if (layer.Geometry.IsEmpty)
            {
                continue;
            }
            // at most one vertex per pixel: the page stays small for townships of thousands of vertices
            var g = DouglasPeuckerSimplifier.Simplify(layer.Geometry, 0.5 / scale);
            b.Append("<path class=\"").Append(layer.CssClass).Append("\" fill-rule=\"evenodd\" d=\"");
            for (var i = 0; i < g.NumGeometries; i++)
            {
                if (g.GetGeometryN(i) is Polygon p)
                {
                    Ring(b, p.ExteriorRing, extent, scale, dx, dy);
                    foreach (var hole in p.InteriorRings)
                    {
                        Ring(b, hole, extent, scale, dx, dy);
                    }
                }
            }
            b.Append("\"/>");
        }
        b.Append("</svg>");
        return b.ToString();
    }

    private static void Ring(StringBuilder b, LineString ring, Envelope extent, double scale, double dx, double dy)
    {
        var coords = ring.Coordinates;
        for (var i = 0; i < coords.Length - 1; i++)
        {
            var x = dx + (coords[i].X - extent.MinX) * scale;
            var y = Height - dy - (coords[i].Y - extent.MinY) * scale;
            b.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{x:0.#},{y:0.#}");
        }
        b.Append('Z');
    }
}
