using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Survey.Markers;

/// <summary>
/// One marker's averaged position from its occupations. <see cref="Easting"/>/<see cref="Northing"/> are in
/// <see cref="MetricCrs"/> (the Gauss-Krüger zone of the data, or the grid of the input when that was not lon/lat);
/// <see cref="Longitude"/>/<see cref="Latitude"/> are null when the input grid has no known system.
/// σ values are the sample standard deviations of the kept occupations (null for a single occupation);
/// <see cref="SigmaMeanHorizontalMeters"/> is the horizontal standard error of the average.
/// </summary>
public sealed record MarkerEstimate(
    string Id,
    MarkerNumber? Number,
    CrsCode? MetricCrs,
    double Easting,
    double Northing,
    double? Longitude,
    double? Latitude,
    double? HeightMeters,
    int Occupations,
    int Outliers,
    double? SigmaEastMeters,
    double? SigmaNorthMeters,
    double? SigmaMeanHorizontalMeters,
    DateOnly? Date,
    ImmutableArray<long> Lines,
    ImmutableArray<long> OutlierLines);
