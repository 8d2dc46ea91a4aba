using Boundaries.Geo.Model;
using Boundaries.Viewer.Rendering;
using Boundaries.Viewer.Tests.WebMap;
using SkiaSharp;

namespace Boundaries.Viewer.Tests.Rendering;

/// <summary>
/// <c>GET /api/v1/map.png</c>: the PNG decodes, each township's interior pixel carries that township's fill, and the
/// whole image matches the stored reference (Mapsui MapRegressionTests style: per-pixel tolerance, share of pixels).
/// <c>BOUNDARIES_UPDATE_GOLDEN=1</c> rewrites the reference.
/// </summary>
public sealed class MapImageTests : IAsyncLifetime
{
    private const int Width = 480;
    private const int Height = 360;
    private CityServer _server = null!;

    public async Task InitializeAsync() => _server = await CityServer.StartAsync(twoVersions: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>True when the colour is one of the renderer's fills (the browser draws the same palette).</summary>
    internal static bool IsPalette(SKColor c) => MapRenderer.Palette.Any(p => Close(p, c, 6));

    [Fact]
    public async Task InteriorPixelsCarryTheirDivisionsFill()
    {
        using var response = await _server.Client.GetAsync($"/api/v1/map.png?width={Width}&height={Height}&labels=false");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Width, bitmap.Width);
        var townships = _server.Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        var extent = new NetTopologySuite.Geometries.Envelope();
        _server.Divisions.ToList().ForEach(d => extent.ExpandToInclude(d.Geometry.EnvelopeInternal));
        var checkedPixels = 0;
        foreach (var t in townships)
        {
            // Oracle: an independent Web Mercator fit of the full extent (the renderer's documented projection).
            var (x, y) = Pixel(extent, t.Geometry.InteriorPoint.X, t.Geometry.InteriorPoint.Y);
            var buffered = t.Geometry.Buffer(-0.004);
            if (buffered.IsEmpty || !buffered.Contains(t.Geometry.InteriorPoint))
            {
                continue; // too thin to hit a pixel's centre safely at this size
            }
            Assert.True(Close(MapRenderer.ColourOf(t.Code), bitmap.GetPixel((int)x, (int)y), 2), $"{t.Code} at ({x:F0},{y:F0}) is {bitmap.GetPixel((int)x, (int)y)}");
            checkedPixels++;
        }
        Assert.True(checkedPixels >= townships.Count / 2, $"only {checkedPixels} townships were wide enough to check");
    }

    [Fact]
    public async Task MatchesTheStoredReferenceImage()
    {
        var png = await _server.Client.GetByteArrayAsync($"/api/v1/map.png?width={Width}&height={Height}");
        var reference = Path.Combine(TestSupport.Root, "tests", "Boundaries.Viewer.Tests", "Rendering", "reference", "city-township.png");
        if (Environment.GetEnvironmentVariable("BOUNDARIES_UPDATE_GOLDEN") == "1" || !File.Exists(reference))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(reference)!);
            await File.WriteAllBytesAsync(reference, png);
            Assert.Fail("reference image written to " + reference + "; run again (set BOUNDARIES_UPDATE_GOLDEN only on purpose)");
        }
        using var got = SKBitmap.Decode(png);
        using var want = SKBitmap.Decode(reference);
        Assert.Equal((want.Width, want.Height), (got.Width, got.Height));
        var different = 0;
        for (var x = 0; x < got.Width; x++)
        {
            for (var y = 0; y < got.Height; y++)
            {
                if (!Close(got.GetPixel(x, y), want.GetPixel(x, y), 16))
                {
                    different++;
                }
            }
        }
        var share = different / (double)(got.Width * got.Height);
        Assert.True(share < 0.01, $"{share:P2} of the pixels differ from the reference (allowed 1 %)");
    }

    private static (double X, double Y) Pixel(NetTopologySuite.Geometries.Envelope e, double lon, double lat)
    {
        static (double, double) M(double lon, double lat) => (6378137 * lon * Math.PI / 180, 6378137 * Math.Log(Math.Tan((Math.PI / 4) + (lat * Math.PI / 360))));
        var (x0, y0) = M(e.MinX, e.MinY);
        var (x1, y1) = M(e.MaxX, e.MaxY);
        var s = Math.Min(Width / (x1 - x0), Height / (y1 - y0));
        var (x, y) = M(lon, lat);
        return (((x - ((x0 + x1) / 2)) * s) + (Width / 2.0), (((y0 + y1) / 2) - y) * s + (Height / 2.0));
    }

    private static bool Close(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;
}
