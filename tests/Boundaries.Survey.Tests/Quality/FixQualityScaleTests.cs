using Boundaries.Survey.Model;

namespace Boundaries.Survey.Tests.Quality;

/// <summary>The mapping tables, checked against the NMEA 0183 GGA definition and the RTKLIB manual (Q column).</summary>
public sealed class FixQualityScaleTests
{
    [Theory]
    [InlineData(0, FixQuality.Invalid)]
    [InlineData(1, FixQuality.Autonomous)]
    [InlineData(2, FixQuality.Dgps)]
    [InlineData(3, FixQuality.Pps)]
    [InlineData(4, FixQuality.RtkFixed)]
    [InlineData(5, FixQuality.RtkFloat)]
    [InlineData(6, FixQuality.DeadReckoning)]
    [InlineData(7, FixQuality.Manual)]
    [InlineData(8, FixQuality.Simulated)]
    [InlineData(9, FixQuality.Unknown)]
    [InlineData(-1, FixQuality.Unknown)]
    public void MapsGgaCode(int code, FixQuality expected) => Assert.Equal(expected, FixQualityScale.FromGga(code));

    [Theory]
    [InlineData(1, FixQuality.RtkFixed)]
    [InlineData(2, FixQuality.RtkFloat)]
    [InlineData(3, FixQuality.Sbas)]
    [InlineData(4, FixQuality.Dgps)]
    [InlineData(5, FixQuality.Autonomous)]
    [InlineData(6, FixQuality.Ppp)]
    [InlineData(7, FixQuality.Unknown)]
    public void MapsRtklibQ(int q, FixQuality expected) => Assert.Equal(expected, FixQualityScale.FromRtklib(q));

    [Theory]
    [InlineData('R', FixQuality.RtkFixed)]
    [InlineData('F', FixQuality.RtkFloat)]
    [InlineData('D', FixQuality.Dgps)]
    [InlineData('A', FixQuality.Autonomous)]
    [InlineData('N', FixQuality.Invalid)]
    [InlineData('S', FixQuality.Simulated)]
    [InlineData('X', FixQuality.Unknown)]
    public void MapsModeLetter(char mode, FixQuality expected) => Assert.Equal(expected, FixQualityScale.FromModeLetter(mode));

    [Fact]
    public void RanksFixedAboveFloatAboveDgpsAboveAutonomous()
    {
        Assert.True(FixQualityScale.Rank(FixQuality.RtkFixed) > FixQualityScale.Rank(FixQuality.RtkFloat));
        Assert.True(FixQualityScale.Rank(FixQuality.RtkFloat) > FixQualityScale.Rank(FixQuality.Dgps));
        Assert.True(FixQualityScale.Rank(FixQuality.Dgps) > FixQualityScale.Rank(FixQuality.Autonomous));
        Assert.True(FixQualityScale.Rank(FixQuality.Autonomous) > FixQualityScale.Rank(FixQuality.Simulated));
    }
}
