using Boundaries.Survey.Model;

namespace Boundaries.Cli.Commands;

/// <summary>A point as JSON (x = longitude or easting, y = latitude or northing).</summary>
internal sealed record SurveyPointJson(
    long Line, string Kind, string? Name, string? Code, double X, double Y, string Quality, string? Time,
    double? OrthometricHeight, double? GeoidSeparation, double? EllipsoidalHeight, int? Satellites, double? Hdop,
    double? SigmaN, double? SigmaE, double? SigmaU)
{
    public static SurveyPointJson Of(SurveyPoint p) => new(
        p.Line, SurveyNames.Of(p.Kind), p.Name, p.Code, p.X, p.Y, SurveyNames.Of(p.Quality),
        p.TimeUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture)
            ?? p.Time?.ToString("HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        p.OrthometricHeightMeters, p.GeoidSeparationMeters, p.EllipsoidalHeightMeters, p.Satellites, p.Hdop,
        p.SigmaNorthMeters, p.SigmaEastMeters, p.SigmaUpMeters);
}
