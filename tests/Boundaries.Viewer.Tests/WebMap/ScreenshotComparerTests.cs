using SkiaSharp;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// The similarity measure on drawn pictures whose answer is known: the same picture is 1; the same lines drawn one
/// pixel over (anti-aliased) stay above the threshold; a picture missing a filled area of 5 % or with other fill
/// colours falls below it; pictures of different sizes are 0.
/// </summary>
public sealed class ScreenshotComparerTests
{
    [Fact]
    public void TheSamePictureIsOne() => Assert.Equal(1.0, ScreenshotComparer.Similarity(Draw(0, true, "#fde2c8"), Draw(0, true, "#fde2c8")));

    [Fact]
    public void LinesMovedOnePixelAreStillLikeTheReference() =>
        Assert.True(ScreenshotComparer.Similarity(Draw(1, true, "#fde2c8"), Draw(0, true, "#fde2c8")) >= ScreenshotComparer.Threshold);

    [Fact]
    public void AMissingAreaIsNotLikeTheReference() =>
        Assert.True(ScreenshotComparer.Similarity(Draw(0, false, "#fde2c8"), Draw(0, true, "#fde2c8")) < ScreenshotComparer.Threshold);

    [Fact]
    public void AnotherPastelFillIsNotLikeTheReference() =>
        Assert.True(ScreenshotComparer.Similarity(Draw(0, true, "#d8ecd0"), Draw(0, true, "#fde2c8")) < ScreenshotComparer.Threshold);

    [Fact]
    public void DifferentSizesAreZero()
    {
        using var a = new SKBitmap(10, 10);
        using var b = new SKBitmap(10, 11);
        Assert.Equal(0.0, ScreenshotComparer.Similarity(a, b));
    }

    /// <summary>400×300 map background, 30 anti-aliased diagonal lines (shifted by <paramref name="shift"/> px), and a 120×50 (5 %) filled box.</summary>
    private static byte[] Draw(int shift, bool box, string fill)
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColor.Parse("#f4f1ea"));
            if (box)
            {
                using var paint = new SKPaint { Color = SKColor.Parse(fill) };
                canvas.DrawRect(40, 40, 120, 50, paint);
            }
            using var pen = new SKPaint { Color = SKColor.Parse("#8c2981"), StrokeWidth = 2.4f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            for (var i = 0; i < 30; i++)
            {
                canvas.DrawLine(i * 13 + shift, 0, i * 13 + 90 + shift, 300, pen);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
