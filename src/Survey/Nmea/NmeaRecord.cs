using Boundaries.Survey.Model;

namespace Boundaries.Survey.Nmea;

/// <summary>
/// Every field of one decoded sentence, as plain values (NaN / -1 / false for absent), so that decoding a line
/// allocates nothing. One instance is reused for every line.
/// </summary>
internal struct NmeaRecord
{
    public NmeaType Type;
    public ushort Talker;
    public bool HasTime;
    public TimeOnly Time;
    public bool HasPosition;
    public double Latitude;
    public double Longitude;
    public FixQuality Quality;
    public bool HasQuality;
    public int GgaCode;
    public int Satellites;
    public double Hdop;
    public double Vdop;
    public double Pdop;
    public double AltitudeMeters;
    public double GeoidSeparationMeters;
    public double DifferentialAgeSeconds;
    public double SpeedMetersPerSecond;
    public double CourseDegrees;
    public bool HasDate;
    public DateOnly Date;
    public double SigmaRms;
    public double SigmaNorthMeters;
    public double SigmaEastMeters;
    public double SigmaUpMeters;
    public int GsaFixType;
    public int GsaSatellitesUsed;

    public void Reset(NmeaType type, ushort talker)
    {
        this = default;
        Type = type;
        Talker = talker;
        GgaCode = -1;
        Satellites = -1;
        GsaFixType = -1;
        Hdop = Vdop = Pdop = double.NaN;
        AltitudeMeters = GeoidSeparationMeters = DifferentialAgeSeconds = double.NaN;
        SpeedMetersPerSecond = CourseDegrees = double.NaN;
        SigmaRms = SigmaNorthMeters = SigmaEastMeters = SigmaUpMeters = double.NaN;
        Latitude = Longitude = double.NaN;
    }
}
