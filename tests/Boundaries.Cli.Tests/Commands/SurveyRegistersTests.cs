using System.Text;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries survey registers</c> on a generated campaign: CSV with BOM and Chinese headers, the HTML page, English on request.</summary>
public sealed class SurveyRegistersTests
{
    [Fact]
    public void WritesCsvWithBomAndTheHtmlPage()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var output = dir.File("registers");
        var run = CliRun.Of("survey", "registers", "--boundaries", city, "--survey", dir.File("city.survey"), "--output", output);
        Assert.Equal(0, run.ExitCode);
        var bytes = File.ReadAllBytes(Path.Combine(output, "marker-register.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("序号,界桩编号,类型,所在界线", text[0], StringComparison.Ordinal);
        Assert.Contains(text, l => l.EndsWith(",超限", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "boundary-points.csv")));
        var course = File.ReadAllText(Path.Combine(output, "course.csv"), Encoding.UTF8);
        Assert.Contains("方向沿界线行", course, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "registers.html"));
        Assert.Contains("<h2>界桩登记表</h2>", html, StringComparison.Ordinal);

        var en = CliRun.Of("survey", "registers", "--boundaries", city, "--survey", dir.File("city.survey"), "--output", dir.File("en"), "--lang", "en");
        Assert.Equal(0, en.ExitCode);
        Assert.StartsWith("No.,Marker,Type,Line", File.ReadAllText(Path.Combine(dir.File("en"), "marker-register.csv"), Encoding.UTF8), StringComparison.Ordinal);
    }
}
