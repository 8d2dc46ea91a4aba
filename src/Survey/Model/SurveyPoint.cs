namespace Boundaries.Survey.Model;

/// <summary>
/// One observed position from a survey file: a GNSS fix (an NMEA epoch, a GPX track point or waypoint, an RTKLIB
/// solution) or a surveyed coordinate (CASS, CSV, a total-station record). Coordinates are in the batch's system:
/// <see cref="X"/> is longitude or easting, <see cref="Y"/> latitude or northing. A value the file does not give is null.
/// </summary>
public sealed record SurveyPoint
{
    /// <summary>1-based line of the file where the point's position was read (the GGA line of an NMEA epoch); 0 when the format has no lines.</summary>
    public required long Line { get; init; }

    /// <summary>What the point is: a track point, a waypoint or a surveyed point.</summary>
    public required SurveyPointKind Kind { get; init; }

    /// <summary>Longitude in degrees (geographic batches) or easting in metres (grid batches).</summary>
    public required double X { get; init; }

    /// <summary>Latitude in degrees (geographic batches) or northing in metres (grid batches).</summary>
    public required double Y { get; init; }

    /// <summary>The fix quality on the common scale.</summary>
    public required FixQuality Quality { get; init; }

    /// <summary>Point name or number (waypoint name, CASS point name, controller point id); null for track points.</summary>
    public string? Name { get; init; }

    /// <summary>Feature code or description (CASS code, controller description, GPX desc).</summary>
    public string? Code { get; init; }

    /// <summary>Height above the geoid / mean sea level (NMEA GGA altitude, GPX ele, CASS H).</summary>
    public double? OrthometricHeightMeters { get; init; }

    /// <summary>Geoid separation N: the ellipsoid-to-geoid distance (GGA field 11, GPX geoidheight).</summary>
    public double? GeoidSeparationMeters { get; init; }

    /// <summary>Height above the ellipsoid; given directly (RTKLIB) or as orthometric height + geoid separation.</summary>
    public double? EllipsoidalHeightMeters { get; init; }

    /// <summary>UTC date, when known (NMEA carries it from RMC/ZDA, or from <c>StartDate</c> in the options).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>UTC time of day, when known.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>Satellites used in the solution.</summary>
    public int? Satellites { get; init; }

    /// <summary>Horizontal dilution of precision.</summary>
    public double? Hdop { get; init; }

    /// <summary>Vertical dilution of precision.</summary>
    public double? Vdop { get; init; }

    /// <summary>Position dilution of precision.</summary>
    public double? Pdop { get; init; }

    /// <summary>1-σ error of latitude / northing in metres (NMEA GST, RTKLIB sdn).</summary>
    public double? SigmaNorthMeters { get; init; }

    /// <summary>1-σ error of longitude / easting in metres (NMEA GST, RTKLIB sde).</summary>
    public double? SigmaEastMeters { get; init; }

    /// <summary>1-σ error of height in metres (NMEA GST, RTKLIB sdu).</summary>
    public double? SigmaUpMeters { get; init; }

    /// <summary>Speed over ground in metres per second.</summary>
    public double? SpeedMetersPerSecond { get; init; }

    /// <summary>Course over ground, degrees from true north.</summary>
    public double? CourseDegrees { get; init; }

    /// <summary>The UTC instant when both date and time are known; null otherwise.</summary>
    public DateTime? TimeUtc => Date is { } d && Time is { } t ? d.ToDateTime(t, DateTimeKind.Utc) : null;

    /// <summary>Horizontal 1-σ in metres: the root of the sum of the squared north and east σ; null unless both are known.</summary>
    public double? SigmaHorizontalMeters => SigmaNorthMeters is { } n && SigmaEastMeters is { } e ? Math.Sqrt(n * n + e * e) : null;
}
