using System.Globalization;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Registers;
using Boundaries.Survey.Tests.Generate;

namespace Boundaries.Survey.Tests.Registers;

public sealed class RegisterBuilderTests(GeneratedCampaign campaign) : IClassFixture<GeneratedCampaign>
{
    [Fact]
    public void BuildsTheThreeRegistersWithChineseHeaders()
    {
        var (tables, observations) = Build(RegisterLanguage.Chinese);
        Assert.Equal(["界桩登记表", "边界点成果表", "界线走向说明"], tables.Select(t => t.Title));
        var register = tables[0];
        Assert.Equal(observations.Markers.Length, register.Rows.Length);
        Assert.Equal(campaign.Survey.Truth.Markers.Count(m => m.OutOfTolerance), register.Rows.Count(r => r[^1] == "超限"));
        Assert.Contains(register.Rows, r => r[2] == "三立");
        Assert.Equal("Marker register", Build(RegisterLanguage.English).Tables[0].Title);
    }

    [Fact]
    public void CourseDistancesAreEllipsoidalAndDirectionsFollowTheBearings()
    {
        var (tables, _) = Build(RegisterLanguage.Chinese);
        var points = tables[1].Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var course = tables[2];
        Assert.NotEmpty(course.Rows);
        var checkedRows = 0;
        foreach (var row in course.Rows.Take(200))
        {
            var line = points[row[0]];
            var a = line.First(p => p[2] == row[1]);
            var b = line.First(p => p[2] == row[2]);
            double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
            var distance = EllipsoidalMeasure.DistanceMeters(D(a[6]), D(a[7]), D(b[6]), D(b[7]));
            Assert.Equal(distance, D(row[5]), 0.01);
            Assert.Equal(CompassPoint.ChineseName(D(row[4])), row[3]);
            // the way along the line is never shorter than the straight distance, but for the two points' offsets (at most 3 m each)
            Assert.True(D(row[6]) >= D(row[5]) - 6.05, $"{row[1]} -> {row[2]}: along {row[6]}, straight {row[5]}");
            Assert.StartsWith("自" + row[1] + "起，向" + row[3] + "方向", row[7], StringComparison.Ordinal);
            checkedRows++;
        }
        Assert.True(checkedRows > 50);
        // along-line lengths of a line add up to its ellipsoidal length
        var topology = EdgeTopology.Build(campaign.Divisions);
        var first = topology.Lines.First(l => LineCodes.Of(l) == course.Rows[0][0]);
        var sum = course.Rows.Where(r => r[0] == course.Rows[0][0]).Sum(r => double.Parse(r[6], CultureInfo.InvariantCulture));
        Assert.Equal(first.LengthMeters, sum, 0.05);
    }

    private (System.Collections.Immutable.ImmutableArray<RegisterTable> Tables, SurveyObservations Observations) Build(RegisterLanguage language)
    {
        var observations = SurveyObservationReader.Read([Path.Combine(campaign.Folder, "markers.csv")]);
        var comparison = SurveyComparer.Compare(campaign.Divisions, observations);
        return (RegisterBuilder.Build(EdgeTopology.Build(campaign.Divisions), comparison, observations, language), observations);
    }
}
