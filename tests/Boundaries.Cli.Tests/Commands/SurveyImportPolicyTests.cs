namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries survey import --policy marker|line</c>: the quality gate's counts by reason.</summary>
public sealed class SurveyImportPolicyTests
{
    // nmea-rtk.log: 104 DGPS and 18 RTK-fixed fixes (gnss-nmea-gpsd/SOURCE.md), no GST sentences (so no σ)

    [Fact]
    public void MarkerPolicyRejectsDgpsByQualityAndFixesWithoutSigma()
    {
        var run = CliRun.Of("survey", "import", Rtk, "--policy", "marker", "--format", "json");
        var gate = run.Json().GetProperty("files")[0].GetProperty("quality");
        Assert.Equal("marker", gate.GetProperty("policy").GetString());
        Assert.Equal(0, gate.GetProperty("accepted").GetInt64());
        Assert.Equal(122, gate.GetProperty("rejected").GetInt64());
        Assert.Equal(104, gate.GetProperty("rejected_by_reason").GetProperty("quality_not_accepted").GetInt64());
        Assert.Equal(18, gate.GetProperty("rejected_by_reason").GetProperty("sigma_unknown").GetInt64());
        Assert.Contains("quality gate 'marker'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LinePolicyAcceptsTheRtkFixesAndListsOnlyThem()
    {
        var run = CliRun.Of("survey", "import", Rtk, "--policy", "line", "--points", "--format", "json");
        var file = run.Json().GetProperty("files")[0];
        var gate = file.GetProperty("quality");
        Assert.Equal(18, gate.GetProperty("accepted").GetInt64());
        Assert.Equal(104, gate.GetProperty("rejected_by_reason").GetProperty("quality_not_accepted").GetInt64());
        Assert.False(gate.GetProperty("rejected_by_reason").TryGetProperty("sigma_unknown", out _));
        var listed = file.GetProperty("point_list").EnumerateArray().ToList();
        Assert.Equal(18, listed.Count);
    }

    [Fact]
    public void GeneratedMarkerFileRejectsTheFloatOccupations()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var markers = Path.Combine(dir.File("city.survey"), "markers.csv");
        var rows = File.ReadAllLines(markers).Skip(1).Select(l => l.Split(',')).ToList();
        var floats = rows.Count(r => r[5] == "5");
        Assert.True(floats > 0);
        var run = CliRun.Of("survey", "import", markers, "--policy", "marker", "--format", "json", "--lang", "zh-CN");
        var gate = run.Json().GetProperty("files")[0].GetProperty("quality");
        Assert.Equal(rows.Count - floats, gate.GetProperty("accepted").GetInt64());
        Assert.Equal(floats, gate.GetProperty("rejected_by_reason").GetProperty("quality_not_accepted").GetInt64());
        Assert.Contains("质量门限", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnUnknownPolicy() =>
        Assert.Equal(2, CliRun.Of("survey", "import", Rtk, "--policy", "strict").ExitCode);

    private static string Rtk => Path.Combine(RepoRoot(), "..", "shared", "data", "gnss-nmea-gpsd", "nmea-rtk.log");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
