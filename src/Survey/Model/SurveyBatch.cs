using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Survey.Model;

/// <summary>
/// The points read from one survey file. <paramref name="Crs"/> is the system of X/Y: <see cref="CrsCode.Wgs84"/> for
/// GNSS formats (the receiver datum; CGCS2000 differs by centimetres), the caller's system for grid files, and null
/// for a local grid whose system is unknown (total-station jobs). <paramref name="Points"/> is empty when the file was
/// streamed to a callback. <see cref="Observations"/> holds the raw total-station observations of controller formats
/// (empty for GNSS formats).
/// </summary>
public sealed record SurveyBatch(string? Source, SurveyFormat Format, CrsCode? Crs, ImmutableArray<SurveyPoint> Points)
{
    /// <summary>Total-station observations (angles and distances) in file order; empty for GNSS and coordinate files.</summary>
    public ImmutableArray<StationObservation> Observations { get; init; } = [];
}
