namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries survey import</c> on the shared GNSS logs; GeoPackage output checked with ogrinfo.</summary>
public sealed class SurveyImportTests
{
    [Fact]
    public void ReportsPointsRejectedLinesAndQualitiesAsJson()
    {
        var run = CliRun.Of("survey", "import", Data("gnss-nmea-gpsd", "nmea-rtk.log"), Data("gnss-nmea-gpsd", "garmin-geko201.log"), "--format", "json");
        Assert.Equal(1, run.ExitCode); // the Garmin log has a bad checksum: an error-severity finding
        var files = run.Json().GetProperty("files");
        var rtk = files[0];
        Assert.Equal(122, rtk.GetProperty("points").GetInt64());
        Assert.Equal(104, rtk.GetProperty("by_quality").GetProperty("dgps").GetInt64());
        Assert.Equal(18, rtk.GetProperty("by_quality").GetProperty("rtk_fixed").GetInt64());
        Assert.Equal(0, rtk.GetProperty("rejected").GetArrayLength());
        var garmin = files[1];
        var rejected = Assert.Single(garmin.GetProperty("rejected").EnumerateArray());
        Assert.Equal(224, rejected.GetProperty("line").GetInt64());
        Assert.Equal("bad_checksum", rejected.GetProperty("code").GetString());
        Assert.Equal(18, garmin.GetProperty("by_quality").GetProperty("simulated").GetInt64());
        Assert.Equal(JsonValueKindNull, garmin.GetProperty("point_list").ValueKind);
        Assert.Contains("224", run.Error);
    }

    [Fact]
    public void ListsThePointsWhenAsked()
    {
        var run = CliRun.Of("survey", "import", Data("gnss-gpsbabel-ref", "track_nmea.nmea"), "--points", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var list = run.Json().GetProperty("files")[0].GetProperty("point_list");
        Assert.Equal(154, list.GetArrayLength());
        // first GGA: 4231.8291,N,08807.3033,W at 03:29:08.379 on 2004-08-07 (ZDA)
        Assert.Equal(42 + 31.8291 / 60, list[0].GetProperty("y").GetDouble(), 9);
        Assert.Equal(-(88 + 7.3033 / 60), list[0].GetProperty("x").GetDouble(), 9);
        Assert.Equal("2004-08-07T03:29:08.379Z", list[0].GetProperty("time").GetString());
    }

    [Fact]
    public void AcceptsBadChecksumsWhenAsked()
    {
        var run = CliRun.Of("survey", "import", Data("gnss-nmea-gpsd", "garmin-geko201.log"), "--accept-bad-checksums", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var file = run.Json().GetProperty("files")[0];
        Assert.Equal(0, file.GetProperty("rejected").GetArrayLength());
        Assert.Equal(224, file.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("code").GetString() == "bad_checksum").GetProperty("line").GetInt64());
    }

    [Fact]
    public void WritesAGeoPackageThatOgrinfoOpens()
    {
        using var dir = new TempDir();
        var gpkg = dir.File("survey.gpkg");
        var run = CliRun.Of("survey", "import", Data("gnss-gpsbabel-ref", "track_nmea.nmea"), Data("gnss-nmea-gpsd", "nmea-rtk.log"), "--output", gpkg, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(154 + 122, run.Json().GetProperty("written").GetInt64());

        var (exit, text, err) = CliRun.Tool("ogrinfo", "-so", "-al", gpkg);
        Assert.True(exit == 0, err);
        Assert.Contains("Layer name: survey_points", text);
        Assert.Contains("Feature Count: 276", text);
        Assert.Contains("Geometry: Point", text);
        Assert.Contains("WGS 84", text);

        // the first point, as GDAL reads it back
        var (_, sql, _) = CliRun.Tool("ogrinfo", gpkg, "-sql", "SELECT * FROM survey_points WHERE fid = 1", "-q");
        Assert.Contains("quality (String) = autonomous", sql);
        Assert.Contains("line (Integer", sql);
        Assert.Contains("POINT (-88.12172166", sql);
        Assert.Contains("2004/08/07", sql.Replace('-', '/'));
    }

    [Fact]
    public void StreamedImportWritesAsManyPointsAsItCounts()
    {
        using var dir = new TempDir();
        var gpkg = dir.File("rtk.gpkg");
        var run = CliRun.Of("survey", "import", Data("gnss-nmea-gpsd", "skytraq-dgps.log"), "-o", gpkg);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("96", run.Out);
        var (_, text, _) = CliRun.Tool("ogrinfo", "-so", "-al", gpkg);
        Assert.Contains("Feature Count: 96", text);
    }

    [Fact]
    public void UnknownFileIsAUsageError()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.bin");
        File.WriteAllText(path, "hello");
        var run = CliRun.Of("survey", "import", path, "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a survey file", run.Error);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static string Data(string folder, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", folder, file));
                return File.Exists(path) ? path : throw new FileNotFoundException("shared data missing: CI lays ../shared beside the checkout", path);
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }

}
