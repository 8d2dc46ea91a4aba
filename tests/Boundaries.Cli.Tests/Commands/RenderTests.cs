using SkiaSharp;

namespace Boundaries.Cli.Tests.Commands;

public sealed class RenderTests
{
    [Fact]
    public void RendersAPngOfTheWholeCityThatGdalCanRead()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("render", "--boundaries", city, "--output", dir.File("map.png"), "--width", "400", "--height", "300");
        Assert.Equal(0, run.ExitCode);

        // GDAL is the independent reader of the file we wrote.
        var (exit, info, error) = CliRun.Tool("gdalinfo", dir.File("map.png"));
        Assert.True(exit == 0, error);
        Assert.Contains("Driver: PNG", info, StringComparison.Ordinal);
        Assert.Contains("Size is 400, 300", info, StringComparison.Ordinal);

        // The city fills the middle of the picture: the centre pixel is not the background colour.
        using var bitmap = SKBitmap.Decode(dir.File("map.png"));
        Assert.NotEqual(SKColor.Parse("#f4f1ea"), bitmap.GetPixel(200, 150));
    }

    [Fact]
    public void ABadBoxIsAUsageError()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--output", city).ExitCode);
        var run = CliRun.Of("render", "--boundaries", city, "--output", dir.File("map.png"), "--bbox", "1,2,3");
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(dir.File("map.png")));
    }
}
