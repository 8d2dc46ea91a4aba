namespace Boundaries.Survey.Model;

/// <summary>What a survey point is.</summary>
public enum SurveyPointKind
{
    /// <summary>A fix along a walked track (NMEA epoch, GPX trkpt, RTKLIB epoch).</summary>
    TrackPoint,

    /// <summary>A named GNSS point (GPX wpt).</summary>
    Waypoint,

    /// <summary>A surveyed point with a name: CASS, CSV, total-station coordinates.</summary>
    Surveyed,
}
