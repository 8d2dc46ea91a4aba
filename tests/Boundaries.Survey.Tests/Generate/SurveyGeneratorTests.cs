using Boundaries.Survey.Generate;
using Boundaries.Survey.Markers;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Tests.Generate;

public sealed class SurveyGeneratorTests(GeneratedCampaign campaign) : IClassFixture<GeneratedCampaign>
{
    [Fact]
    public void IsDeterministicForASeed()
    {
        var again = SurveyGenerator.Generate(campaign.Divisions, new SurveyGenerationOptions { Seed = 1 });
        Assert.Equal(campaign.Survey.Files.Select(f => f.Text), again.Files.Select(f => f.Text));
        var other = SurveyGenerator.Generate(campaign.Divisions, new SurveyGenerationOptions { Seed = 2 });
        Assert.NotEqual(campaign.Survey.Files[0].Text, other.Files[0].Text);
    }

    [Fact]
    public void HasEveryKindOfLineAndMarker()
    {
        var truth = campaign.Survey.Truth;
        Assert.Contains(truth.Lines, l => l.Walk == "none");
        Assert.Contains(truth.Lines, l => l.Walk == "partial");
        Assert.Contains(truth.Lines, l => l.Walk == "full" && l.DegradedMeters > 0);
        Assert.True(truth.Lines.Count(l => l.Walk == "full") > truth.Lines.Length / 2);
        var numbers = truth.Markers.Select(m => MarkerNumber.Parse(m.Number)).ToList();
        Assert.Empty(MarkerNumbering.Check(numbers));
        Assert.Contains(numbers, n => n.Type == 'Q');
        Assert.Contains(numbers, n => n.Type == 'A');
        Assert.Contains(numbers, n => n.Type == 'E');
        Assert.InRange(truth.Markers.Count(m => m.OutOfTolerance), 3, truth.Markers.Length / 10);
    }

    [Fact]
    public void LogsReadCleanWithTheFixQualitiesOfTheirStretches()
    {
        foreach (var file in Directory.GetFiles(campaign.Folder, "*.nmea"))
        {
            var result = SurveyReader.Read(file);
            Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
            var points = result.Batch.Points;
            Assert.True(points.Count(p => p.Quality == FixQuality.RtkFixed) > points.Length / 2, file);
            Assert.All(points.Where(p => p.Quality != FixQuality.Invalid), p =>
            {
                Assert.NotNull(p.SigmaHorizontalMeters);
                Assert.NotNull(p.Date);
            });
        }
        var all = Directory.GetFiles(campaign.Folder, "*.nmea").SelectMany(f => SurveyReader.Read(f).Batch.Points).ToList();
        Assert.Contains(all, p => p.Quality == FixQuality.RtkFloat);
        Assert.Contains(all, p => p.Quality == FixQuality.Dgps);
    }
}
