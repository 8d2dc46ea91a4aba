using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Boundaries.Geo.Tests.Crs;

/// <summary>Runs the oracles the tests compare against (gdaltransform, psql, scripts/postgis.sh); fails clearly when one is missing.</summary>
internal static class ExternalTool
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The directory that holds Boundaries.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/>, feeding <paramref name="stdin"/>; returns stdout or fails with stderr.</summary>
    public static string Run(string fileName, IEnumerable<string> args, string? stdin = null, int timeoutMs = 120_000)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = RepoRoot,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"the oracle tool '{fileName}' is not installed or not on PATH ({e.Message}); install it (gdal-bin for gdaltransform, postgresql-client for psql)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }
            process.StandardInput.Close();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeoutMs} ms");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
            }
            return stdout.Result;
        }
    }

    /// <summary>Transforms lon/lat or x/y pairs with one gdaltransform call; returns the output pairs.</summary>
    public static (double X, double Y)[] GdalTransform(string sourceSrs, string targetSrs, IReadOnlyList<(double X, double Y)> points)
    {
        var input = new StringBuilder();
        foreach (var (x, y) in points)
        {
            input.Append(x.ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                .Append(y.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        var output = Run("gdaltransform", ["-s_srs", sourceSrs, "-t_srs", targetSrs, "-output_xy"], input.ToString());
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == points.Count, $"gdaltransform returned {lines.Length} lines for {points.Count} points:\n{output}");
        return lines.Select(l =>
        {
            var parts = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToArray();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Boundaries.sln not found above {AppContext.BaseDirectory}");
    }
}
