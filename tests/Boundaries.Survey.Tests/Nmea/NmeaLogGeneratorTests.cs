using Boundaries.Survey.Model;
using Boundaries.Survey.Nmea;

namespace Boundaries.Survey.Tests.Nmea;

public sealed class NmeaLogGeneratorTests
{
    [Fact]
    public void GeneratedLogReadsCleanAndCrossesMidnight()
    {
        // 4 lines per epoch at 10 Hz: 600,000 lines = 150,000 epochs = 4 h 10 min from 20:00
        var log = NmeaLogGenerator.Generate(600_000);
        var count = 0;
        SurveyPoint? first = null, last = null;
        var result = NmeaReader.Read(new MemoryStream(log), p =>
        {
            first ??= p;
            last = p;
            count++;
        });
        Assert.Equal(600_000, result.Counts.Lines);
        Assert.Equal(150_000, count);
        Assert.Empty(result.Issues);
        Assert.Equal(NmeaLogGenerator.Start, first!.TimeUtc);
        Assert.Equal(NmeaLogGenerator.Start.AddTicks(149_999 * TimeSpan.TicksPerSecond / 10), last!.TimeUtc);
        Assert.Equal(new DateOnly(2024, 6, 1), last.Date);
        Assert.NotNull(last.SigmaNorthMeters);
        Assert.Equal(142_500, result.Counts.PointsByQuality[FixQuality.RtkFixed]);
        Assert.Equal(7_500, result.Counts.PointsByQuality[FixQuality.RtkFloat]);
    }
}
