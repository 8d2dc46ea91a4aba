using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Boundaries.Viewer.Rendering;

/// <summary>
/// Draws divisions (CGCS2000 lon/lat) into a PNG in Web Mercator, the way the web map does: the chosen level filled
/// with a colour per code, the levels above it as outlines, labels with name and code. Fonts: DejaVu Sans and, for
/// Chinese, the first CJK font found (fonts-noto-cjk or fonts-wqy-zenhei); with none, labels are drawn in boxes.
/// </summary>
public static class MapRenderer
{
    /// <summary>The fill colours, picked by a hash of the code (the same as the web map's palette).</summary>
    public static IReadOnlyList<SKColor> Palette { get; } =
        [.. new[] { "#fde2c8", "#d8ecd0", "#d6e4f5", "#f7d9e3", "#efeac5", "#dcd6f0", "#cfe9e8", "#f3dcc4" }.Select(SKColor.Parse)];

    private static readonly string[] CjkFonts =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    /// <summary>The fill colour of a division code.</summary>
    public static SKColor ColourOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        uint h = 0;
        foreach (var ch in code)
        {
            h = unchecked((h * 31) + ch);
        }
        return Palette[(int)(h % (uint)Palette.Count)];
    }

    /// <summary>
    /// Renders the divisions in force on <paramref name="at"/> (null = those still in force) inside <paramref name="bbox"/>
    /// (lon/lat) at <paramref name="width"/> × <paramref name="height"/> pixels; the box is widened to keep the aspect.
    /// </summary>
    /// <returns>The PNG bytes.</returns>
    public static byte[] RenderPng(IEnumerable<Division> divisions, Envelope bbox, int width, int height, DivisionLevel level, DateOnly? at = null, bool labels = true)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(bbox);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8192);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8192);
        var shown = divisions.Where(d => at is { } day ? d.IsValidOn(day) : d.ValidTo is null).ToList();
        var view = MercatorView.Fit(bbox, width, height);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse("#f4f1ea"));
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, Color = SKColor.Parse("#5d6d7e"), StrokeWidth = 1 };
        var own = shown.Where(d => d.Level == level).ToList();
        foreach (var d in own)
        {
            using var path = view.PathOf(d.Geometry);
            fill.Color = ColourOf(d.Code);
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
        stroke.Color = SKColor.Parse("#8c2981");
        stroke.StrokeWidth = 2.4f;
        foreach (var d in shown.Where(d => d.Level < level))
        {
            using var path = view.PathOf(d.Geometry);
            canvas.DrawPath(path, stroke);
        }
        if (labels)
        {
            DrawLabels(canvas, view, own);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void DrawLabels(SKCanvas canvas, MercatorView view, List<Division> divisions)
    {
        var fontPath = CjkFonts.FirstOrDefault(File.Exists);
        using var typeface = fontPath is null ? SKTypeface.Default : SKTypeface.FromFile(fontPath) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 12);
        using var text = new SKPaint { Color = SKColor.Parse("#1d2a38"), IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        // Declutter like the web map: a label is drawn only where it fits inside its division's box and clears every label drawn before.
        var taken = new List<SKRect>();
        foreach (var d in divisions.OrderByDescending(d => d.Geometry.Area))
        {
            var p = d.Geometry.InteriorPoint;
            var (x, y) = view.Pixel(p.X, p.Y);
            var width = Math.Max(font.MeasureText(d.Name), font.MeasureText(d.Code));
            var rect = new SKRect((float)x - (width / 2) - 2, (float)y - 14, (float)x + (width / 2) + 2, (float)y + 16);
            var e = d.Geometry.EnvelopeInternal;
            var (x0, y0) = view.Pixel(e.MinX, e.MaxY);
            var (x1, y1) = view.Pixel(e.MaxX, e.MinY);
            if (rect.Width > (x1 - x0) * 1.5 || rect.Height > (y1 - y0) * 1.5 || taken.Any(r => r.IntersectsWith(rect)))
            {
                continue;
            }
            taken.Add(rect);
            foreach (var (line, dy) in new[] { (d.Name, -2f), (d.Code, 12f) })
            {
                var w = font.MeasureText(line);
                canvas.DrawText(line, (float)x - (w / 2), (float)y + dy, SKTextAlign.Left, font, halo);
                canvas.DrawText(line, (float)x - (w / 2), (float)y + dy, SKTextAlign.Left, font, text);
            }
        }
    }
}
