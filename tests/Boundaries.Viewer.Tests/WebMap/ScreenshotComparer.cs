using SkiaSharp;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// How alike a screenshot is to its stored reference (SkiaSharp): the share of the capture's pixels that match,
/// where a pixel matches when the reference has, at the same place or one pixel away (its 3×3 neighbourhood), a pixel
/// whose red, green and blue each differ by at most <see cref="ChannelTolerance"/>. The neighbourhood and the tolerance
/// absorb anti-aliasing and sub-pixel shifts of lines and glyphs; a missing panel, layer or label does not match.
/// Images of different sizes have similarity 0.
/// </summary>
internal static class ScreenshotComparer
{
    /// <summary>Largest difference per colour channel (0–255) for two pixels to match. 16 (the palette fills differ from the map background by more).</summary>
    public const int ChannelTolerance = 16;

    /// <summary>A capture is like its reference when at least this share of its pixels match. 0.98.</summary>
    public const double Threshold = 0.98;

    public static double Similarity(byte[] capturePng, byte[] referencePng)
    {
        using var capture = SKBitmap.Decode(capturePng) ?? throw new ArgumentException("the capture is not an image", nameof(capturePng));
        using var reference = SKBitmap.Decode(referencePng) ?? throw new ArgumentException("the reference is not an image", nameof(referencePng));
        return Similarity(capture, reference);
    }

    public static double Similarity(SKBitmap capture, SKBitmap reference)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(reference);
        if (capture.Width != reference.Width || capture.Height != reference.Height)
        {
            return 0;
        }
        var a = capture.Pixels;
        var b = reference.Pixels;
        int w = capture.Width, h = capture.Height, matching = 0;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (MatchesNear(a[y * w + x], b, w, h, x, y))
                {
                    matching++;
                }
            }
        }
        return matching / (double)(w * h);
    }

    /// <summary>A picture of where the capture differs (red) over a faded copy of it, for a failing test's report.</summary>
    public static byte[] DifferencePng(byte[] capturePng, byte[] referencePng)
    {
        using var capture = SKBitmap.Decode(capturePng);
        using var reference = SKBitmap.Decode(referencePng);
        using var diff = new SKBitmap(capture.Width, capture.Height);
        var a = capture.Pixels;
        var b = reference.Pixels;
        var same = capture.Width == reference.Width && capture.Height == reference.Height;
        var outPixels = new SKColor[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            int x = i % capture.Width, y = i / capture.Width;
            var ok = same && MatchesNear(a[i], b, capture.Width, capture.Height, x, y);
            var c = a[i];
            outPixels[i] = ok ? new SKColor((byte)(191 + c.Red / 4), (byte)(191 + c.Green / 4), (byte)(191 + c.Blue / 4)) : new SKColor(230, 0, 0);
        }
        diff.Pixels = outPixels;
        using var image = SKImage.FromBitmap(diff);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static bool MatchesNear(SKColor c, SKColor[] reference, int w, int h, int x, int y)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            var yy = y + dy;
            if (yy < 0 || yy >= h)
            {
                continue;
            }
            for (var dx = -1; dx <= 1; dx++)
            {
                var xx = x + dx;
                if (xx >= 0 && xx < w && Close(c, reference[yy * w + xx]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Close(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= ChannelTolerance && Math.Abs(a.Green - b.Green) <= ChannelTolerance && Math.Abs(a.Blue - b.Blue) <= ChannelTolerance;
}
