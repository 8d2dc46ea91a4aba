using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;
using Boundaries.Survey.Tests.Support;

namespace Boundaries.Survey.Tests.Formats;

/// <summary>GPX files of ../shared/data/gnss-gpsbabel-ref with the counts SOURCE.md gives.</summary>
public sealed class GpxReaderTests
{
    private static string Data(string file) => Path.Combine(RepoPaths.SharedData, "gnss-gpsbabel-ref", file);

    [Theory]
    [InlineData("qstarz_bl-1000.gpx", 13, 32)]
    [InlineData("skytraq-realdata.gpx", 0, 271)]
    [InlineData("track_nmea_expected.gpx", 0, 154)]
    public void ReadsWaypointsAndTrackPoints(string file, int waypoints, int trackPoints)
    {
        var result = SurveyReader.Read(Data(file));
        Assert.Equal(SurveyFormat.Gpx, result.Batch.Format);
        Assert.Equal(waypoints, result.Batch.Points.Count(p => p.Kind == SurveyPointKind.Waypoint));
        Assert.Equal(trackPoints, result.Batch.Points.Count(p => p.Kind == SurveyPointKind.TrackPoint));
        Assert.Equal(0, result.Counts.RejectedLines);
    }

    [Fact]
    public void QstarzPointsAreInTaipeiWithNamedWaypoints()
    {
        var points = SurveyReader.Read(Data("qstarz_bl-1000.gpx")).Batch.Points;
        Assert.All(points, p => Assert.InRange(p.Y, 24.9, 25.2));
        Assert.All(points, p => Assert.InRange(p.X, 121.4, 121.7));
        Assert.All(points.Where(p => p.Kind == SurveyPointKind.Waypoint), p => Assert.False(string.IsNullOrEmpty(p.Name)));
        Assert.All(points, p => Assert.Equal(2020, p.Date!.Value.Year));
    }

    [Fact]
    public void GpxFixElementMapsOntoTheScale()
    {
        var points = SurveyReader.Read(Data("track_nmea_expected.gpx")).Batch.Points;
        Assert.All(points, p => Assert.Equal(FixQuality.Autonomous, p.Quality)); // <fix>3d</fix>
        Assert.All(points, p => Assert.Equal(-34.2, p.GeoidSeparationMeters));
    }
}
