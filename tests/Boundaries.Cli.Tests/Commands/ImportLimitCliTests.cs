using System.Text;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// <c>--max-file-size</c> and <c>--max-line-length</c> on the verbs that import files: a survey log, a point CSV for
/// <c>locate</c> and a division file over a limit are refused with exit 2 and a message (English or Chinese) that names
/// the file, the line and the limit; nothing is written; within the limits the same files are read.
/// </summary>
public sealed class ImportLimitCliTests
{
    private static readonly string City = Path.Combine(ServeAccessTests.RepoRoot(), "data", "sample", "tianjin-small.gpkg");

    [Theory]
    [InlineData("en", "line 4: the line is longer than the import limit of 1024 bytes (raise it with --max-line-length)")]
    [InlineData("zh-CN", "第 4 行：该行超过导入上限 1024 字节")]
    public void ASurveyLineOverTheLimitIsRefusedNamingFileLineAndLimit(string language, string expected)
    {
        using var dir = new TempDir();
        var log = dir.File("walk.csv");
        File.WriteAllText(log, "name,lon,lat\np1,117.1,39.1\np2,117.2,39.2\n" + new string('x', 3000) + "\n", Encoding.ASCII);
        var run = CliRun.Of("survey", "import", log, "--max-line-length", "1k", "--output", dir.File("out.gpkg"), "--lang", language);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(log, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.gpkg")));

        var within = CliRun.Of("survey", "import", log, "--max-line-length", "4k", "--dry-run", "--lang", "en");
        Assert.DoesNotContain("import limit", within.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASurveyFileOverTheSizeLimitIsRefusedBeforeReading()
    {
        using var dir = new TempDir();
        var log = dir.File("walk.nmea");
        File.WriteAllText(log, string.Concat(Enumerable.Repeat("$GPGGA,000000,3906.0,N,11712.0,E,1,08,1.0,10.0,M,0.0,M,,*00\r\n", 100)), Encoding.ASCII);
        var run = CliRun.Of("survey", "import", log, "--max-file-size", "1k", "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {log}: the file is larger than the import limit of 1024 bytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALocateCsvLineOverTheLimitWritesNothing()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("points.csv"), "id,x,y\np1,117.2,39.1\n\"" + new string('n', 5000) + "\",117.2,39.1\n");
        var run = CliRun.Of("locate", "--boundaries", City, "--input", dir.File("points.csv"), "--output", dir.File("out.csv"), "--max-line-length", "2k", "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: the line is longer than the import limit of 2048 bytes", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void ADivisionFileOverTheSizeLimitIsRefused()
    {
        var run = CliRun.Of("info", City, "--max-file-size", "64k", "--lang", "zh-CN");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"错误：{City}：文件超过导入上限 65536 字节", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("info", City, "--max-file-size", "1G").ExitCode);
    }

    [Theory]
    [InlineData("--max-file-size", "lots")]
    [InlineData("--max-line-length", "0")]
    public void BadLimitValuesAreUsageErrors(string option, string value)
    {
        var run = CliRun.Of("info", City, option, value, "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }
}
