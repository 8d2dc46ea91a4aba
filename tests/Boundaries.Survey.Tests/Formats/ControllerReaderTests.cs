using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;
using Boundaries.Survey.Tests.Support;

namespace Boundaries.Survey.Tests.Formats;

/// <summary>Survey-controller files of ../shared/data/survey-controller-tops against their reference figures.</summary>
public sealed class ControllerReaderTests
{
    private static string Data(string file) => Path.Combine(RepoPaths.SharedData, "survey-controller-tops", file);

    [Fact]
    public void Rw5Leica1200MatchesTheControllersOwnCsv()
    {
        var result = SurveyReader.Read(Data("carlson_rw5__Leica1200.rw5"));
        Assert.Equal(SurveyFormat.CarlsonRw5, result.Batch.Format);
        Assert.Empty(result.Issues);
        var shots = result.Batch.Observations.Where(o => o.RecordType == "SS").ToList();
        var rows = File.ReadAllLines(Data("carlson_rw5__Leica1200.rw5.csv")).Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t')).ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal(rows.Count, shots.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var s = shots[i];
            Assert.Equal(r[2], s.PointId);
            Assert.Equal(r[3], s.Code);
            Assert.Equal(double.Parse(r[5], CultureInfo.InvariantCulture), s.TargetHeightMeters!.Value * 1000, 6);
            Assert.Equal(double.Parse(r[6], CultureInfo.InvariantCulture), s.HorizontalAngleGon!.Value, 5);
            Assert.Equal(double.Parse(r[7], CultureInfo.InvariantCulture), s.ZenithAngleGon!.Value, 5);
            Assert.Equal(double.Parse(r[8], CultureInfo.InvariantCulture), s.SlopeDistanceMeters!.Value, 6);
        }
        // the CSV's local N/E (in thousandths) for the first shot, 108: straight up from station 111, so at its N/E
        var p108 = result.Batch.Points.First(p => p.Name == "108");
        Assert.Equal(double.Parse(rows[0][9], CultureInfo.InvariantCulture) / 1000, p108.Y, 3);
        Assert.Equal(double.Parse(rows[0][10], CultureInfo.InvariantCulture) / 1000, p108.X, 3);
    }

    [Fact]
    public void Rw5TraverseHasItsRecordCountAndControl()
    {
        var result = SurveyReader.Read(Data("carlson_rw5__Trav_19leg.rw5"));
        var c = result.Counts.RecordsByType;
        // SOURCE.md: 549 OC/BK/TR/SS/LS records
        Assert.Equal(549, c.GetValueOrDefault("OC") + c.GetValueOrDefault("BK") + c.GetValueOrDefault("TR") + c.GetValueOrDefault("SS") + c.GetValueOrDefault("LS"));
        var control = result.Batch.Points.First(p => p.Name == "103");
        Assert.Equal((20000.0, 50000.0), (control.X, control.Y));
        Assert.Contains(result.Batch.Points, p => p.Name == "104");
        Assert.Contains(result.Batch.Observations, o => o.PointId == "1093" && o.RecordType == "FD");
        Assert.Equal(0, result.Counts.RejectedLines);
    }

    [Fact]
    public void GsiEightReadsEveryBlockOfItsSingleLine()
    {
        var result = SurveyReader.Read(Data("leica_gsi__RILIEVO.gsi"));
        var obs = result.Batch.Observations;
        Assert.Equal(23, obs.Length);
        Assert.Empty(result.Issues);
        // 110001+00000100 21.102+11545200 22.102+09885300 31..00+00000000  (unit 2 = gon, 5 decimals)
        Assert.Equal("100", obs[0].PointId);
        Assert.Equal(115.452, obs[0].HorizontalAngleGon!.Value, 9);
        Assert.Equal(98.853, obs[0].ZenithAngleGon!.Value, 9);
        // 110003+00000102 21.102+13247100 22.102+10378200 31..00+00005165 32..00+00005156 (unit 0 = mm)
        Assert.Equal("102", obs[2].PointId);
        Assert.Equal(132.471, obs[2].HorizontalAngleGon!.Value, 9);
        Assert.Equal(5.165, obs[2].SlopeDistanceMeters!.Value, 9);
        Assert.Equal(5.156, obs[2].HorizontalDistanceMeters!.Value, 9);
        Assert.Equal("122", obs[^1].PointId);
    }

    [Fact]
    public void GsiSixteenDecodesSexagesimalAngles()
    {
        var result = SurveyReader.Read(Data("leica_gsi__leica_gsi16_gurob.gsi"));
        var obs = result.Batch.Observations;
        Assert.Equal(File.ReadLines(Data("leica_gsi__leica_gsi16_gurob.gsi")).Count(l => l.StartsWith("*11", StringComparison.Ordinal)), obs.Length);
        Assert.Empty(result.Issues);
        // *110002+00000000GDEM5415 21.024+0000000003545100 22.024+0000000009117510 31...0+0000000000013825 87…1300 88…1324
        var first = obs[0];
        Assert.Equal("GDEM5415", first.PointId);
        Assert.Equal((35 + 45 / 60.0 + 10.0 / 3600) * 400 / 360, first.HorizontalAngleGon!.Value, 9);
        Assert.Equal((91 + 17 / 60.0 + 51.0 / 3600) * 400 / 360, first.ZenithAngleGon!.Value, 9);
        Assert.Equal(13.825, first.SlopeDistanceMeters!.Value, 9);
        Assert.Equal(1.3, first.TargetHeightMeters!.Value, 9);
        Assert.Equal(1.324, first.InstrumentHeightMeters!.Value, 9);
    }
}
