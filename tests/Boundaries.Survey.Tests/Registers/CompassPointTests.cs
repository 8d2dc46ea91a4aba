using Boundaries.Geo.Measure;
using Boundaries.Survey.Registers;

namespace Boundaries.Survey.Tests.Registers;

public sealed class CompassPointTests
{
    // hand-computed sectors: each point covers 22.5° centred on its direction
    [Theory]
    [InlineData(0, "北", "N")]
    [InlineData(11.24, "北", "N")]
    [InlineData(11.25, "北东北", "NNE")]
    [InlineData(22.5, "北东北", "NNE")]
    [InlineData(45, "东北", "NE")]
    [InlineData(67.5, "东东北", "ENE")]
    [InlineData(90, "东", "E")]
    [InlineData(112.5, "东东南", "ESE")]
    [InlineData(135, "东南", "SE")]
    [InlineData(157.5, "南东南", "SSE")]
    [InlineData(180, "南", "S")]
    [InlineData(202.5, "南西南", "SSW")]
    [InlineData(225, "西南", "SW")]
    [InlineData(247.5, "西西南", "WSW")]
    [InlineData(270, "西", "W")]
    [InlineData(292.5, "西西北", "WNW")]
    [InlineData(315, "西北", "NW")]
    [InlineData(337.5, "北西北", "NNW")]
    [InlineData(348.74, "北西北", "NNW")]
    [InlineData(348.75, "北", "N")]
    [InlineData(-90, "西", "W")]
    [InlineData(450, "东", "E")]
    public void NamesTheSixteenPoints(double bearing, string chinese, string english)
    {
        Assert.Equal(chinese, CompassPoint.ChineseName(bearing));
        Assert.Equal(english, CompassPoint.EnglishName(bearing));
    }

    [Fact]
    public void AzimuthAlongAMeridianAndAParallel()
    {
        Assert.Equal(0, CompassPoint.AzimuthDegrees(117.2, 39.1, 117.2, 39.11), 9);
        Assert.Equal(180, CompassPoint.AzimuthDegrees(117.2, 39.11, 117.2, 39.1), 9);
        Assert.Equal(90, CompassPoint.AzimuthDegrees(117.2, 39.1, 117.21, 39.1), 9);
        Assert.Equal(270, CompassPoint.AzimuthDegrees(117.21, 39.1, 117.2, 39.1), 9);
        Assert.True(double.IsNaN(CompassPoint.AzimuthDegrees(117.2, 39.1, 117.2, 39.1)));
    }

    [Fact]
    public void AzimuthOfADiagonalMatchesTheRatioOfGeodesicLegs()
    {
        // hand oracle: for a short step, tan(azimuth) = east leg / north leg, each leg a geodesic along a parallel / meridian
        var (lon1, lat1, lon2, lat2) = (117.2, 39.1, 117.203, 39.102);
        var north = EllipsoidalMeasure.DistanceMeters(lon1, lat1, lon1, lat2);
        var east = EllipsoidalMeasure.DistanceMeters(lon1, (lat1 + lat2) / 2, lon2, (lat1 + lat2) / 2);
        var expected = Math.Atan2(east, north) * 180 / Math.PI;
        Assert.Equal(expected, CompassPoint.AzimuthDegrees(lon1, lat1, lon2, lat2), 2);
        Assert.Equal("东北", CompassPoint.ChineseName(expected));
    }
}
