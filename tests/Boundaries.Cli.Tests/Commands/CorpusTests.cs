using System.Diagnostics;
using Boundaries.Geo.Formats;
using Boundaries.Survey.Reading;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// The hostile and broken corpus (tests/corpus) through the command line and the survey reader: every division
/// file through <c>info</c> and <c>validate</c>, every survey file through <see cref="SurveyReader"/> and
/// <c>survey import --dry-run</c>. Each ends with exit 0, 1 (findings) or 2 (unusable input, the message naming the
/// file) within a time budget — never an unhandled exception or a hang.
/// </summary>
public sealed class CorpusTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static TheoryData<string> DivisionFiles() => FilesIn("divisions");

    public static TheoryData<string> SurveyFiles() => FilesIn("survey");

    [Theory]
    [MemberData(nameof(DivisionFiles))]
    public void InfoAndValidateAnswerEveryDivisionFileCleanly(string name)
    {
        var path = Path.Combine(Corpus("divisions"), name);
        foreach (var verb in new[] { "info", "validate" })
        {
            var run = Timed(() => CliRun.Of(verb, path));
            Assert.True(run.ExitCode is 0 or 1 or 2, $"{verb} {name}: exit {run.ExitCode}\n{run.Error}");
            if (run.ExitCode == 2)
            {
                Assert.Contains(name, run.Error, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SurveyFiles))]
    public void SurveyReaderAndImportAnswerEverySurveyFileCleanly(string name)
    {
        var path = Path.Combine(Corpus("survey"), name);
        Timed(() =>
        {
            try
            {
                var result = SurveyReader.Read(path);
                Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.ToString())));
            }
            catch (BoundariesFormatException ex)
            {
                Assert.Contains(name, ex.Message, StringComparison.Ordinal);
            }
            return 0;
        });
        var run = Timed(() => CliRun.Of("survey", "import", path, "--dry-run", "--format", "json"));
        Assert.True(run.ExitCode is 0 or 1 or 2, $"survey import {name}: exit {run.ExitCode}\n{run.Error}");
        if (run.ExitCode == 2)
        {
            Assert.Contains(name, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BrokenSurveyFilesAreNotReadAsGoodOnes()
    {
        // The billion-laughs GPX must not expand its entities; the truncated one must not pass as complete.
        foreach (var name in new[] { "billion-laughs.gpx", "truncated.gpx" })
        {
            var path = Path.Combine(Corpus("survey"), name);
            var clock = Stopwatch.StartNew();
            var read = Record.Exception(() => SurveyReader.Read(path));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{name} took {clock.Elapsed}");
            if (read is null)
            {
                var result = SurveyReader.Read(path);
                Assert.True(result.Issues.Length > 0 || result.Batch.Points.Length == 0, $"{name} read as good");
            }
            else
            {
                Assert.IsType<BoundariesFormatException>(read);
            }
        }
    }

    private static T Timed<T>(Func<T> run)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(Budget), $"no answer within {Budget.TotalSeconds} s");
        return task.Result;
    }

    private static TheoryData<string> FilesIn(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Corpus(folder)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }

    private static string Corpus(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "corpus", folder);
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
