using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Locate;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries locate</c> (one point, a CSV file) and <c>boundaries serve</c>, against the locator built directly.</summary>
public sealed class LocateServeTests
{
    private static readonly string City = Path.Combine(FindRoot(), "data", "sample", "tianjin-small.gpkg");
    private static readonly DivisionLocator Locator = DivisionLocator.Build(DivisionImporter.Import(City).In(CrsCode.Cgcs2000).Divisions);

    [Fact]
    public void OnePointAsJsonEqualsTheLocator()
    {
        var random = new Random(4);
        for (var i = 0; i < 30; i++)
        {
            var (x, y) = (116.85 + random.NextDouble() * 0.3, 38.9 + random.NextDouble() * 0.4);
            var run = CliRun.Of("locate", "--boundaries", City, "--lon", F(x), "--lat", F(y), "--format", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            var levels = run.Json().GetProperty("levels").EnumerateArray().ToList();
            var expected = Locator.Locate(x, y);
            Assert.Equal(expected.Levels.Select(l => l.Division?.Code), levels.Select(l => l.TryGetProperty("code", out var c) ? c.GetString() : null));
        }
    }

    [Fact]
    public void CsvFileGetsOneColumnPerLevelAndOnBoundary()
    {
        using var dir = new TempDir();
        var random = new Random(5);
        var points = new List<(double X, double Y)>();
        var csv = new StringBuilder("id,x,y\n");
        for (var i = 0; i < 5000; i++)
        {
            points.Add((116.8 + random.NextDouble() * 0.4, 38.85 + random.NextDouble() * 0.5));
            csv.Append(CultureInfo.InvariantCulture, $"\"p,{i}\",{points[i].X:R},{points[i].Y:R}\n");
        }
        // Exact vertices, to cover on_boundary = true.
        var vertex = Locator.Divisions.First(d => d.Level == Geo.Model.DivisionLevel.Township).Geometry.Coordinates[3];
        points.Add((vertex.X, vertex.Y));
        csv.Append(CultureInfo.InvariantCulture, $"v,{vertex.X:R},{vertex.Y:R}\n");
        File.WriteAllText(dir.File("points.csv"), csv.ToString());

        var run = CliRun.Of("locate", "--boundaries", City, "--input", dir.File("points.csv"), "--output", dir.File("out.csv"));
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = File.ReadAllLines(dir.File("out.csv"));
        Assert.Equal("id,x,y,prefecture,district,township,on_boundary", lines[0]);
        Assert.Equal(points.Count + 1, lines.Length);
        for (var i = 0; i < points.Count; i++)
        {
            var tail = lines[i + 1][(lines[i + 1].LastIndexOf('"') + 1)..].Split(',');
            var expected = Locator.Locate(points[i].X, points[i].Y);
            var fields = tail[^4..];
            Assert.Equal(expected.Levels.Select(l => l.Division?.Code ?? ""), fields[..3]);
            Assert.Equal(expected.OnBoundary ? "true" : "false", fields[3]);
        }
        Assert.EndsWith(",true", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lon", "117.0")]
    [InlineData("--lon", "117.0", "--lat", "39.1", "--crs", "EPSG:1")]
    [InlineData("--lon", "117.0", "--lat", "39.1", "--at", "20200101")]
    public void RefusesIncompleteOrBadArgumentsWithExit2(params string[] args)
    {
        var run = CliRun.Of(["locate", "--boundaries", City, .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeAnswersOverHttpUntilStopped()
    {
        var dll = typeof(BoundariesApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, "serve", "--boundaries", City, "--urls", "http://127.0.0.1:0", "--lang", "en" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        try
        {
            string? url = null;
            while (url is null && await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("serving ", StringComparison.Ordinal))
                {
                    url = line.Split(' ')[3];
                }
            }
            Assert.NotNull(url);
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            using var client = new HttpClient();
            var body = await client.GetStringAsync(url + "/api/v1/locate?lon=117.0&lat=39.1");
            Assert.Contains(Locator.Locate(117.0, 39.1).Levels[^1].Division!.Code, body, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found");
    }
}
