using System.Diagnostics;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>info</c> and <c>convert</c> on formats read through the GDAL bridge, and the CLI without libgdal.</summary>
public sealed class GdalInputTests
{
    private static string Sample => Path.Combine(RepoRoot(), "data", "sample", "tianjin-small.gpkg");

    [Fact]
    public void InfoDescribesAKmlFileMadeByOgr2ogr()
    {
        using var dir = new TempDir();
        var kml = dir.File("township.kml");
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", "-f", "KML", kml, Sample, "township"));
        var expected = DivisionFiles.Read(Sample).Set.Divisions.Count(d => d.Level == Geo.Model.DivisionLevel.Township);

        var run = CliRun.Of("info", kml, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        Assert.Equal("gdal:LIBKML", json.GetProperty("format").GetString());
        Assert.Equal("EPSG:4326", json.GetProperty("crs").GetString());
        Assert.Equal(expected, json.GetProperty("divisions").GetInt32());
        Assert.Equal(expected, json.GetProperty("levels").GetProperty("township").GetInt32());
    }

    [Theory]
    [InlineData("township.gdb", "OpenFileGDB", "EPSG:4490", "-nlt MULTIPOLYGON")]
    [InlineData("township.mif", "MapInfo File", "EPSG:4326", "-dsco FORMAT=MIF -nlt MULTIPOLYGON -lco ENCODING=CP936")]
    public void InfoDescribesAFileGeodatabaseAndAMifFileMadeByOgr2ogr(string name, string driver, string crs, string extra)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", ["-f", driver, .. extra.Split(' '), path, Sample, "township"]));
        var source = DivisionFiles.Read(Sample).Set.Divisions.Where(d => d.Level == Geo.Model.DivisionLevel.Township).ToList();

        var run = CliRun.Of("info", path, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        Assert.Equal("gdal:" + driver, json.GetProperty("format").GetString());
        Assert.Equal(crs, json.GetProperty("crs").GetString());
        Assert.Equal(source.Count, json.GetProperty("levels").GetProperty("township").GetInt32());

        var output = dir.File("back.geojson");
        var converted = CliRun.Of("convert", path, output);
        Assert.True(converted.ExitCode == 0, converted.Error);
        var back = DivisionFiles.Read(output).Set.Divisions;
        Assert.Equal(source.Select(d => (d.Code, d.Name, d.ParentCode)).Order(), back.Select(d => (d.Code, d.Name, d.ParentCode)).Order());
    }

    [Fact]
    public void ConvertTakesCodesFromDxfLayers()
    {
        using var dir = new TempDir();
        var dxf = dir.File("city.dxf");
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", "-f", "DXF", dxf, Sample, "-dialect", "SQLite", "-sql", "SELECT geom, code AS Layer FROM township"));
        var output = dir.File("city.geojson");

        var run = CliRun.Of("convert", dxf, output, "--code-field", "Layer", "--level", "township", "--from", "EPSG:4490");
        Assert.True(run.ExitCode == 0, run.Error);
        var converted = DivisionFiles.Read(output).Set;
        var (exit, stdout, _) = CliRun.Tool("/usr/bin/ogrinfo", "-al", "-so", dxf);
        Assert.Equal(0, exit);
        Assert.Contains($"Feature Count: {converted.Divisions.Length}", stdout, StringComparison.Ordinal);
        var codes = DivisionFiles.Read(Sample).Set.Divisions.Where(d => d.Level == Geo.Model.DivisionLevel.Township).Select(d => d.Code).Order();
        Assert.Equal(codes, converted.Divisions.Select(d => d.Code).Distinct().Order());
    }

    [Fact]
    public void UnknownCodeFieldInDxfIsAnInputErrorNamingTheField()
    {
        using var dir = new TempDir();
        var dxf = dir.File("city.dxf");
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", "-f", "DXF", dxf, Sample, "township"));
        var run = CliRun.Of("info", dxf, "--from", "EPSG:4490", "--level", "township");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'code'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutLibgdalTheBridgeFormatsNameTheDebianPackageAndTheRestWorks()
    {
        using var dir = new TempDir();
        var kml = dir.File("township.kml");
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", "-f", "KML", kml, Sample, "township"));

        var missing = RunCliProcess("libgdal-not-installed.so.99", "info", kml);
        Assert.Equal(3, missing.Exit);
        Assert.Contains("libgdal32", missing.Error, StringComparison.Ordinal);
        Assert.Contains("gdal-bin", missing.Error, StringComparison.Ordinal);
        Assert.Contains(kml, missing.Error, StringComparison.Ordinal);

        var builtIn = RunCliProcess("libgdal-not-installed.so.99", "info", Sample);
        Assert.True(builtIn.Exit == 0, builtIn.Error);
    }

    [Fact]
    public void WithoutLibgdalTheMessageIsInChineseWhenAsked()
    {
        using var dir = new TempDir();
        var kml = dir.File("township.kml");
        Ok(CliRun.Tool("/usr/bin/ogr2ogr", "-f", "KML", kml, Sample, "township"));
        var missing = RunCliProcess("libgdal-not-installed.so.99", "zh-CN", ["info", kml]);
        Assert.Equal(3, missing.Exit);
        Assert.Contains("错误（运行环境）", missing.Error, StringComparison.Ordinal);
        Assert.Contains("请安装 Debian 软件包 libgdal32", missing.Error, StringComparison.Ordinal);
        Assert.Contains("libgdal-not-installed.so.99", missing.Error, StringComparison.Ordinal);
        Assert.Contains(kml, missing.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs the built CLI in a child process so the library override applies from the start.</summary>
    private static (int Exit, string Out, string Error) RunCliProcess(string gdalLibrary, params string[] args) =>
        RunCliProcess(gdalLibrary, "en", args);

    private static (int Exit, string Out, string Error) RunCliProcess(string gdalLibrary, string language, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "boundaries.dll");
        Assert.True(File.Exists(dll), $"{dll} missing");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["BOUNDARIES_GDAL_LIBRARY"] = gdalLibrary;
        start.Environment["BOUNDARIES_LANG"] = language;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static void Ok((int Exit, string Out, string Error) run) => Assert.True(run.Exit == 0, run.Error);

    private static string RepoRoot()
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
}
