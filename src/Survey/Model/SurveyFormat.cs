namespace Boundaries.Survey.Model;

/// <summary>The survey file formats the readers understand.</summary>
public enum SurveyFormat
{
    /// <summary>NMEA 0183 log (.nmea, .log, .txt).</summary>
    Nmea,

    /// <summary>GPX 1.0/1.1 tracks and waypoints (.gpx).</summary>
    Gpx,

    /// <summary>RTKLIB solution file (.pos).</summary>
    RtklibPos,

    /// <summary>South CASS coordinate file (.dat): <c>name,code,E,N,H</c>.</summary>
    CassDat,

    /// <summary>Delimited text with a column map (.csv).</summary>
    Csv,

    /// <summary>Leica GSI-8 / GSI-16 (.gsi).</summary>
    LeicaGsi,

    /// <summary>Carlson SurvCE RW5 (.rw5).</summary>
    CarlsonRw5,

    /// <summary>KML/KMZ placemarks from field apps (.kml, .kmz), read through the GDAL bridge (needs libgdal).</summary>
    Kml,
}
