using Boundaries.Survey.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Survey;

/// <summary>One survey observation (a GNSS occupation or a surveyed boundary point) kept as evidence; never changed once stored.</summary>
/// <param name="Name">The point name or marker number as recorded; <c>null</c> for a track point.</param>
/// <param name="Geometry">The position in CGCS2000 lon/lat.</param>
/// <param name="HeightMeters">Height as recorded; <c>null</c> when none.</param>
/// <param name="SigmaHorizontalMeters">Horizontal 1-σ in metres; <c>null</c> when unknown.</param>
/// <param name="ObservedAt">UTC instant; <c>null</c> when the file gave no date and time.</param>
/// <param name="Source">Where it came from (file name and line); not empty.</param>
public sealed record SurveyObservation(string? Name, Point Geometry, double? HeightMeters, double? SigmaHorizontalMeters, DateTime? ObservedAt, string Source)
{
    /// <summary>The observation of a point of a geographic survey batch (X longitude, Y latitude).</summary>
    public static SurveyObservation From(SurveyPoint point, string file)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return new SurveyObservation(point.Name, StoreGeometry.Point(point.X, point.Y), point.OrthometricHeightMeters ?? point.EllipsoidalHeightMeters,
            point.SigmaHorizontalMeters, point.TimeUtc, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{point.Line}"));
    }
}
