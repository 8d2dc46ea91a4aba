using System.Collections.Immutable;
using System.Diagnostics;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Formats;

/// <summary>Shared helpers for the format tests: sample divisions, temp folders, the repo root, GDAL tools.</summary>
internal static class FormatTestSupport
{
    private static readonly WKTReader Wkt = new();

    /// <summary>
    /// Three divisions with Chinese names, a hole, a multipolygon, clockwise shells (RFC 7946 wants the opposite),
    /// coordinates with 12 decimals, dates, and attributes of every kind (a text with a comma, a quote and a line break).
    /// </summary>
    public static DivisionSet SampleSet(CrsCode? crs = null)
    {
        var gk = crs is { Kind: CrsKind.GaussKruger } c ? c : (CrsCode?)null;
        Geometry G(string wkt)
        {
            var g = Wkt.Read(wkt);
            if (gk is { } zone)
            {
                var offset = zone.ZonePrefixed ? zone.Zone * 1_000_000.0 + 500_000 : 500_000;
                g.Apply(new CoordinateScaler(x => offset + (x - 117) * 86_000, y => y * 111_000));
            }
            return g;
        }
        return new DivisionSet(
        [
            new Division("120101", "和平区", DivisionLevel.District, "120100",
                G("POLYGON ((117.100000000001 39.100000000001, 117.100000000001 39.200000000002, 117.300000000003 39.200000000002, 117.300000000003 39.100000000001, 117.100000000001 39.100000000001))"),
                new DateOnly(1955, 6, 1))
            {
                Attributes = ImmutableDictionary<string, object?>.Empty.Add("population", 355000L).Add("area_km2", 9.98).Add("note", "老城区, \"五大道\"\n所在地"),
            },
            new Division("120101001", "劝业场街道", DivisionLevel.Township, "120101",
                G("POLYGON ((117.123456789012 39.123456789012, 117.123456789012 39.15, 117.16 39.15, 117.16 39.123456789012, 117.123456789012 39.123456789012), (117.13 39.13, 117.14 39.13, 117.14 39.14, 117.13 39.14, 117.13 39.13))"),
                new DateOnly(2001, 1, 1), new DateOnly(2030, 1, 1))
            {
                Attributes = ImmutableDictionary<string, object?>.Empty.Add("population", 41000L).Add("area_km2", 1.25).Add("merged", true).Add("note", null),
            },
            new Division("120101002", "小白楼街道", DivisionLevel.Township, "120101",
                G("MULTIPOLYGON (((117.2 39.12, 117.2 39.16, 117.25 39.16, 117.25 39.12, 117.2 39.12)), ((117.26 39.12, 117.26 39.13, 117.27 39.13, 117.27 39.12, 117.26 39.12)))"))
            {
                Attributes = ImmutableDictionary<string, object?>.Empty.Add("population", 52000L).Add("area_km2", 2.5).Add("merged", false).Add("note", "含飞地"),
            },
        ], crs ?? CrsCode.Cgcs2000);
    }

    /// <summary>
    /// Asserts two sets hold the same divisions in the same order, geometry compared exactly after normalising ring
    /// order. A null attribute counts as absent: table formats give every row every column.
    /// </summary>
    public static void AssertSameDivisions(DivisionSet expected, DivisionSet actual, bool attributesAsText = false)
    {
        Assert.Equal(expected.Divisions.Length, actual.Divisions.Length);
        for (var i = 0; i < expected.Divisions.Length; i++)
        {
            AssertSameDivision(expected.Divisions[i], actual.Divisions[i], attributesAsText);
        }
    }

    public static void AssertSameDivision(Division e, Division a, bool attributesAsText = false)
    {
        Assert.Equal(e.Code, a.Code);
        Assert.Equal(e.Name, a.Name);
        Assert.Equal(e.Level, a.Level);
        Assert.Equal(e.ParentCode, a.ParentCode);
        Assert.Equal(e.ValidFrom, a.ValidFrom);
        Assert.Equal(e.ValidTo, a.ValidTo);
        Assert.True(e.Geometry.Normalized().EqualsExact(a.Geometry.Normalized()), $"{e.Code}: {e.Geometry} != {a.Geometry}");
        var expectedAttributes = e.Attributes
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => attributesAsText ? Text(kv.Value) : kv.Value);
        var actualAttributes = a.Attributes
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(expectedAttributes.OrderBy(kv => kv.Key), actualAttributes.OrderBy(kv => kv.Key));
    }

    private static object? Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    /// <summary>The folder holding Boundaries.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A file under the shared read-only data folder beside the repo.</summary>
    public static string SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
        Assert.True(File.Exists(path), $"shared data file missing: {path}");
        return path;
    }

    /// <summary>Runs a GDAL command-line tool; fails (never skips) when it is not installed.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Gdal(string tool, params string[] args)
    {
        var exe = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(exe), $"{exe} is missing: install gdal-bin (apt-get install gdal-bin) to run this oracle test");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Runs a GDAL tool and asserts it succeeded; returns stdout.</summary>
    public static string GdalOk(string tool, params string[] args)
    {
        var (code, stdout, stderr) = Gdal(tool, args);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} failed ({code}): {stderr}");
        return stdout;
    }

    private sealed class CoordinateScaler(Func<double, double> fx, Func<double, double> fy) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, fx(seq.GetX(i)));
            seq.SetY(i, fy(seq.GetY(i)));
        }
    }
}
