namespace Boundaries.Survey.Nmea;

/// <summary>The NMEA sentence types the reader decodes; every other type is counted and ignored.</summary>
internal enum NmeaType : byte
{
    Other,
    Gga,
    Rmc,
    Gns,
    Gst,
    Gsa,
    Zda,
    Vtg,
}
