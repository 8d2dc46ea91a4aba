using Boundaries.Survey.Markers;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Survey;

/// <summary>A boundary marker (界桩) as the store keeps it.</summary>
/// <param name="Number">The marker number (line code + 3-digit sequence + type letter), e.g. <c>1201120104001Q</c>.</param>
/// <param name="Type">The type letter: Q single; A, B double; C, D, E triple.</param>
/// <param name="LineCode">The code of the boundary line it stands on.</param>
/// <param name="Geometry">Its position in CGCS2000 lon/lat.</param>
/// <param name="HeightMeters">Its height; <c>null</c> when not surveyed.</param>
/// <param name="SigmaHorizontalMeters">Horizontal 1-σ (or standard error of the average) in metres; <c>null</c> when unknown.</param>
/// <param name="SurveyedOn">The day it was surveyed; <c>null</c> when unknown.</param>
public sealed record MarkerRecord(string Number, char Type, string LineCode, Point Geometry, double? HeightMeters, double? SigmaHorizontalMeters, DateOnly? SurveyedOn)
{
    /// <summary>
    /// The record of an averaged marker from <see cref="MarkerAverager"/>: its number, lon/lat, height, the standard error of
    /// the average as σ and the survey day.
    /// </summary>
    /// <exception cref="ArgumentException">The estimate has no marker number or no lon/lat.</exception>
    public static MarkerRecord From(MarkerEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Number is not { } number)
        {
            throw new ArgumentException($"marker {estimate.Id} has no valid marker number", nameof(estimate));
        }
        if (estimate.Longitude is not { } lon || estimate.Latitude is not { } lat)
        {
            throw new ArgumentException($"marker {estimate.Id} has no longitude/latitude", nameof(estimate));
        }
        return new MarkerRecord(number.ToString(), number.Type, number.LineCode, StoreGeometry.Point(lon, lat), estimate.HeightMeters,
            estimate.SigmaMeanHorizontalMeters, estimate.Date);
    }
}
