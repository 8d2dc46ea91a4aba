namespace Boundaries.Survey.Model;

/// <summary>
/// One total-station observation from a controller file: from station <paramref name="StationId"/> to point
/// <paramref name="PointId"/>. Angles in gon (400 per circle), whatever unit the file used; distances and heights
/// in the file's length unit (metres for GSI; the RW5 job unit, MO record UN). A value the record does not give is null. <paramref name="RecordType"/> is the file's own record
/// code (RW5 SS/BD/FD …, GSI "polar").
/// </summary>
public sealed record StationObservation(
    long Line,
    string RecordType,
    string? StationId,
    string PointId,
    double? HorizontalAngleGon,
    double? ZenithAngleGon,
    double? SlopeDistanceMeters,
    double? HorizontalDistanceMeters,
    double? TargetHeightMeters,
    double? InstrumentHeightMeters,
    string? Code);
