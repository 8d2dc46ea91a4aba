using Boundaries.Survey.Compare;
using Boundaries.Survey.Tests.Generate;
using Xunit.Abstractions;

namespace Boundaries.Survey.Tests.Compare;

/// <summary>Issue 5 accuracy: on generated surveys, progress per line within 1 % of ground truth; every out-of-tolerance marker found.</summary>
public sealed class SurveyComparerAccuracyTests(GeneratedCampaign campaign, ITestOutputHelper output) : IClassFixture<GeneratedCampaign>
{
    private SurveyComparison Comparison { get; } = SurveyComparer.Compare(campaign.Divisions, SurveyObservationReader.Read([campaign.Folder]));

    [Fact]
    public void ProgressPerLineIsWithinOnePercentOfTruth()
    {
        var truth = campaign.Survey.Truth.Lines.ToDictionary(l => l.Id);
        Assert.Equal(truth.Count, Comparison.Lines.Length);
        var worst = Comparison.Lines.Select(l => (l.Id, Error: Math.Abs(l.Share - truth[l.Id].VerifiedShare))).MaxBy(x => x.Error);
        Assert.True(worst.Error <= 0.01, $"line {worst.Id}: share off by {worst.Error:P2}");
        // an unwalked line is touched only by the ends of walks along its neighbours, at the shared nodes
        Assert.All(Comparison.Lines.Where(l => truth[l.Id].Walk == "none"), l => Assert.InRange(l.Share, 0, 0.001));
        output.WriteLine($"{Comparison.Lines.Length} lines, worst share error {worst.Error:P3} (line {worst.Id}); city share {Comparison.City.Share:P2}; {Comparison.Markers.Length} markers, {Comparison.OutOfTolerance.Count()} out of tolerance");
    }

    [Fact]
    public void FindsEveryOutOfToleranceMarkerAndNoOther()
    {
        var expected = campaign.Survey.Truth.Markers.Where(m => m.OutOfTolerance).Select(m => m.Number).Order().ToList();
        var found = Comparison.OutOfTolerance.Select(m => m.Id).Order().ToList();
        Assert.Equal(expected, found);
        var truth = campaign.Survey.Truth.Markers.ToDictionary(m => m.Number);
        Assert.Equal(truth.Count, Comparison.Markers.Length);
        Assert.All(Comparison.Markers, m =>
        {
            Assert.Equal(truth[m.Id].LineId, m.LineId);
            Assert.Equal(Math.Abs(truth[m.Id].OffsetMeters), m.DistanceMeters!.Value, 0.05);
        });
    }

    [Fact]
    public void RollsUpToTheCityAndListsTheLinesToWalk()
    {
        var city = Comparison.City;
        Assert.Equal(Comparison.Lines.Sum(l => l.LengthMeters), city.LengthMeters, 1e-6);
        var truth = campaign.Survey.Truth.Lines.ToDictionary(l => l.Id);
        var expectedShare = Comparison.Lines.Sum(l => truth[l.Id].VerifiedShare * l.LengthMeters) / city.LengthMeters;
        Assert.Equal(expectedShare, city.Share, 0.005);
        Assert.All(campaign.Survey.Truth.Lines.Where(l => l.VerifiedShare < 0.98), l => Assert.Contains(l.Id, Comparison.LinesToWalk));
        Assert.NotEmpty(Comparison.Districts);
        Assert.All(Comparison.Districts, d => Assert.InRange(d.Share, 0, 1));
    }
}
