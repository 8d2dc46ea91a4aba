using System.Diagnostics;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Tests;

/// <summary>Paths, the sample city, random points and external tools for the viewer tests.</summary>
internal static class TestSupport
{
    public static string Root { get; } = FindRoot();

    public static string SampleCity => Path.Combine(Root, "data", "sample", "tianjin-small.gpkg");

    /// <summary>The sample city's divisions in CGCS2000 lon/lat and a locator built over them directly (the oracle for the API).</summary>
    public static (IReadOnlyList<Division> Divisions, DivisionLocator Locator) LoadCity(string path)
    {
        var divisions = DivisionImporter.Import(path).In(CrsCode.Cgcs2000).Divisions;
        return (divisions, DivisionLocator.Build(divisions));
    }

    /// <summary>Random points over the extent (widened, so some fall outside) plus exact vertices and edge midpoints.</summary>
    public static List<(double X, double Y)> Points(IReadOnlyList<Division> divisions, int seed, int random, int onLines)
    {
        var rng = new Random(seed);
        var e = new NetTopologySuite.Geometries.Envelope();
        foreach (var d in divisions)
        {
            e.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        e.ExpandBy(0.01);
        var points = new List<(double, double)>();
        for (var i = 0; i < random; i++)
        {
            points.Add((e.MinX + rng.NextDouble() * e.Width, e.MinY + rng.NextDouble() * e.Height));
        }
        var townships = divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        for (var i = 0; i < onLines; i++)
        {
            var coords = townships[rng.Next(townships.Count)].Geometry.Coordinates;
            var k = rng.Next(coords.Length - 1);
            points.Add(i % 2 == 0 ? (coords[k].X, coords[k].Y) : ((coords[k].X + coords[k + 1].X) / 2, (coords[k].Y + coords[k + 1].Y) / 2));
        }
        return points;
    }

    /// <summary>Runs a tool (ogrinfo …); fails, never skips, when it is missing.</summary>
    public static (int Exit, string Out, string Error) Tool(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{file} is not installed: run scripts/test.sh, which installs gdal-bin", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill();
                throw new TimeoutException($"{file} did not finish in 2 minutes");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
