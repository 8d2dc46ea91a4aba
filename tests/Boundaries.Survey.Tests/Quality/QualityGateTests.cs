using Boundaries.Survey.Model;
using Boundaries.Survey.Quality;
using Boundaries.Survey.Tests.Nmea;

namespace Boundaries.Survey.Tests.Quality;

public sealed class QualityGateTests
{
    [Fact]
    public void MarkerPolicyCountsEveryRejectionByReason()
    {
        // nmea-rtk.log: 104 DGPS epochs and 18 RTK-fixed epochs, no GST (so no σ)
        var points = NmeaReaderDataTests.Read("nmea-rtk.log", new()).Batch.Points;
        var report = QualityGate.Apply(points, AcceptancePolicy.Marker);
        Assert.Empty(report.Accepted);
        Assert.Equal(104, report.RejectedByReason[RejectionReason.QualityNotAccepted]);
        Assert.Equal(18, report.RejectedByReason[RejectionReason.SigmaUnknown]);
        Assert.Equal(points.Length, report.Rejected.Length);

        var lenient = QualityGate.Apply(points, AcceptancePolicy.Marker with { RequireSigma = false });
        Assert.Equal(18, lenient.Accepted.Length);
        Assert.All(lenient.Accepted, p => Assert.Equal(FixQuality.RtkFixed, p.Quality));
    }

    [Fact]
    public void LineWalkAcceptsFloatAndRejectsLargeSigma()
    {
        // skytraq-PX1172RH_DS.log: 9 RTK-float epochs
        var floats = NmeaReaderDataTests.Read("skytraq-PX1172RH_DS.log", new()).Batch.Points;
        Assert.Equal(9, QualityGate.Apply(floats, AcceptancePolicy.LineWalk).Accepted.Length);
        Assert.Empty(QualityGate.Apply(floats, AcceptancePolicy.Marker).Accepted);

        var wide = Fix(FixQuality.RtkFloat, 0.4, 0.4); // √(0.32) ≈ 0.566 m > 0.5 m
        var tight = Fix(FixQuality.RtkFloat, 0.3, 0.3); // 0.424 m
        var report = QualityGate.Apply([wide, tight], AcceptancePolicy.LineWalk);
        Assert.Equal([tight], report.Accepted.ToArray());
        Assert.Equal(RejectionReason.SigmaTooLarge, Assert.Single(report.Rejected).Reason);
    }

    [Fact]
    public void MarkerPolicyTakesFixedWithinFiveCentimetres()
    {
        var good = Fix(FixQuality.RtkFixed, 0.03, 0.03);    // 4.2 cm
        var loose = Fix(FixQuality.RtkFixed, 0.04, 0.04);   // 5.7 cm
        var report = QualityGate.Apply([good, loose], AcceptancePolicy.Marker);
        Assert.Equal([good], report.Accepted.ToArray());
        Assert.Equal(1, report.RejectedByReason[RejectionReason.SigmaTooLarge]);
    }

    private static SurveyPoint Fix(FixQuality q, double sn, double se) => new()
    {
        Line = 1, Kind = SurveyPointKind.TrackPoint, X = 117, Y = 39, Quality = q, SigmaNorthMeters = sn, SigmaEastMeters = se,
    };
}
