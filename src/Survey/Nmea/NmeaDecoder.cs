using Boundaries.Survey.Model;

namespace Boundaries.Survey.Nmea;

/// <summary>
/// Decodes the fields of one checked sentence body (the text between <c>$</c> and <c>*</c>, address included)
/// into a reused <see cref="NmeaRecord"/>. Returns false with the failing field's name when a field is malformed;
/// empty fields are absent values, not errors (a no-fix GGA has empty position fields).
/// </summary>
internal static class NmeaDecoder
{
    private const double KnotsToMetersPerSecond = 1852.0 / 3600.0;
    private const double KmhToMetersPerSecond = 1000.0 / 3600.0;

    public static NmeaType TypeOf(ReadOnlySpan<byte> address)
    {
        if (address.Length != 5 || address[0] == (byte)'P')
        {
            return NmeaType.Other;
        }
        var t = (address[2] << 16) | (address[3] << 8) | address[4];
        return t switch
        {
            ('G' << 16) | ('G' << 8) | 'A' => NmeaType.Gga,
            ('R' << 16) | ('M' << 8) | 'C' => NmeaType.Rmc,
            ('G' << 16) | ('N' << 8) | 'S' => NmeaType.Gns,
            ('G' << 16) | ('S' << 8) | 'T' => NmeaType.Gst,
            ('G' << 16) | ('S' << 8) | 'A' => NmeaType.Gsa,
            ('Z' << 16) | ('D' << 8) | 'A' => NmeaType.Zda,
            ('V' << 16) | ('T' << 8) | 'G' => NmeaType.Vtg,
            _ => NmeaType.Other,
        };
    }

    public static bool Decode(NmeaType type, ReadOnlySpan<byte> fields, ref NmeaRecord r, out string failedField)
    {
        var f = new FieldCursor(fields);
        failedField = "";
        return type switch
        {
            NmeaType.Gga => Gga(ref f, ref r, ref failedField),
            NmeaType.Rmc => Rmc(ref f, ref r, ref failedField),
            NmeaType.Gns => Gns(ref f, ref r, ref failedField),
            NmeaType.Gst => Gst(ref f, ref r, ref failedField),
            NmeaType.Gsa => Gsa(ref f, ref r, ref failedField),
            NmeaType.Zda => Zda(ref f, ref r, ref failedField),
            NmeaType.Vtg => Vtg(ref f, ref r, ref failedField),
            _ => true,
        };
    }

    private static bool Gga(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        if (!Time(f.Next(), ref r, ref failed) || !Position(ref f, ref r, ref failed))
        {
            return false;
        }
        var q = f.Next();
        if (!q.IsEmpty)
        {
            if (!NmeaNumber.TryInt(q, out r.GgaCode))
            {
                return Fail(ref failed, "quality");
            }
            r.Quality = FixQualityScale.FromGga(r.GgaCode);
            r.HasQuality = true;
        }
        return OptionalInt(f.Next(), ref r.Satellites, "satellites", ref failed)
            && Optional(f.Next(), ref r.Hdop, "hdop", ref failed)
            && Optional(f.Next(), ref r.AltitudeMeters, "altitude", ref failed)
            && Skip(ref f)
            && Optional(f.Next(), ref r.GeoidSeparationMeters, "geoid_separation", ref failed)
            && Skip(ref f)
            && Optional(f.Next(), ref r.DifferentialAgeSeconds, "dgps_age", ref failed);
    }

    private static bool Rmc(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        if (!Time(f.Next(), ref r, ref failed))
        {
            return false;
        }
        var status = f.Next();
        if (!Position(ref f, ref r, ref failed))
        {
            return false;
        }
        if (!Optional(f.Next(), ref r.SpeedMetersPerSecond, "speed", ref failed)
            || !Optional(f.Next(), ref r.CourseDegrees, "course", ref failed))
        {
            return false;
        }
        r.SpeedMetersPerSecond *= KnotsToMetersPerSecond;
        var date = f.Next();
        if (!date.IsEmpty)
        {
            if (date.Length != 6 || !NmeaNumber.TryInt(date[..2], out var d) || !NmeaNumber.TryInt(date[2..4], out var m)
                || !NmeaNumber.TryInt(date[4..6], out var y) || !TryDate(y < 80 ? 2000 + y : 1900 + y, m, d, out r.Date))
            {
                return Fail(ref failed, "date");
            }
            r.HasDate = true;
        }
        f.Skip(2); // magnetic variation and its direction
        var mode = f.Next();
        if (mode.Length == 1)
        {
            r.Quality = FixQualityScale.FromModeLetter((char)mode[0]);
            r.HasQuality = r.Quality != FixQuality.Unknown;
        }
        if (!r.HasQuality && status.Length == 1)
        {
            r.Quality = status[0] == (byte)'A' ? FixQuality.Autonomous : FixQuality.Invalid;
            r.HasQuality = true;
        }
        else if (status.Length == 1 && status[0] == (byte)'V')
        {
            r.Quality = FixQuality.Invalid; // status V overrides the mode letter: the receiver says "void"
        }
        return true;
    }

    private static bool Gns(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        if (!Time(f.Next(), ref r, ref failed) || !Position(ref f, ref r, ref failed))
        {
            return false;
        }
        var mode = f.Next();
        if (!mode.IsEmpty)
        {
            // one letter per constellation (GPS, GLONASS, Galileo, BeiDou …): take the best solution among them
            var best = FixQuality.Invalid;
            foreach (var c in mode)
            {
                var q = FixQualityScale.FromModeLetter((char)c);
                if (q == FixQuality.Unknown)
                {
                    return Fail(ref failed, "mode");
                }
                if (FixQualityScale.Rank(q) > FixQualityScale.Rank(best))
                {
                    best = q;
                }
            }
            r.Quality = best;
            r.HasQuality = true;
        }
        return OptionalInt(f.Next(), ref r.Satellites, "satellites", ref failed)
            && Optional(f.Next(), ref r.Hdop, "hdop", ref failed)
            && Optional(f.Next(), ref r.AltitudeMeters, "altitude", ref failed)
            && Optional(f.Next(), ref r.GeoidSeparationMeters, "geoid_separation", ref failed)
            && Optional(f.Next(), ref r.DifferentialAgeSeconds, "dgps_age", ref failed);
    }

    private static bool Gst(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        var ignored = double.NaN;
        return Time(f.Next(), ref r, ref failed)
            && Optional(f.Next(), ref r.SigmaRms, "rms", ref failed)
            && Optional(f.Next(), ref ignored, "semi_major", ref failed)
            && Optional(f.Next(), ref ignored, "semi_minor", ref failed)
            && Optional(f.Next(), ref ignored, "orientation", ref failed)
            && Optional(f.Next(), ref r.SigmaNorthMeters, "sigma_lat", ref failed)
            && Optional(f.Next(), ref r.SigmaEastMeters, "sigma_lon", ref failed)
            && Optional(f.Next(), ref r.SigmaUpMeters, "sigma_alt", ref failed);
    }

    private static bool Gsa(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        f.Next(); // selection mode A/M
        if (!OptionalInt(f.Next(), ref r.GsaFixType, "fix_type", ref failed))
        {
            return false;
        }
        for (var i = 0; i < 12; i++)
        {
            var prn = f.Next();
            if (!prn.IsEmpty)
            {
                if (!NmeaNumber.TryInt(prn, out _))
                {
                    return Fail(ref failed, "satellite");
                }
                r.GsaSatellitesUsed++;
            }
        }
        return Optional(f.Next(), ref r.Pdop, "pdop", ref failed)
            && Optional(f.Next(), ref r.Hdop, "hdop", ref failed)
            && Optional(f.Next(), ref r.Vdop, "vdop", ref failed);
    }

    private static bool Zda(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        if (!Time(f.Next(), ref r, ref failed))
        {
            return false;
        }
        var d = f.Next();
        var m = f.Next();
        var y = f.Next();
        if (d.IsEmpty && m.IsEmpty && y.IsEmpty)
        {
            return true;
        }
        if (!NmeaNumber.TryInt(d, out var day) || !NmeaNumber.TryInt(m, out var month) || y.Length != 4
            || !NmeaNumber.TryInt(y, out var year) || !TryDate(year, month, day, out r.Date))
        {
            return Fail(ref failed, "date");
        }
        r.HasDate = true;
        return true;
    }

    private static bool Vtg(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        if (!Optional(f.Next(), ref r.CourseDegrees, "course", ref failed))
        {
            return false;
        }
        var t = f.Next();
        var knots = double.NaN;
        var kmh = double.NaN;
        if (t.Length == 1 && t[0] == (byte)'T')
        {
            f.Skip(2); // magnetic course, M
            if (!Optional(f.Next(), ref knots, "speed_knots", ref failed))
            {
                return false;
            }
            f.Next();
            if (!Optional(f.Next(), ref kmh, "speed_kmh", ref failed))
            {
                return false;
            }
        }
        else
        {
            // NMEA 1.x form without unit letters: true course, magnetic course, knots, km/h
            if (!Optional(f.Next(), ref knots, "speed_knots", ref failed) || !Optional(f.Next(), ref kmh, "speed_kmh", ref failed))
            {
                return false;
            }
        }
        r.SpeedMetersPerSecond = !double.IsNaN(kmh) ? kmh * KmhToMetersPerSecond : knots * KnotsToMetersPerSecond;
        return true;
    }

    private static bool Time(ReadOnlySpan<byte> s, ref NmeaRecord r, ref string failed)
    {
        if (s.IsEmpty)
        {
            return true;
        }
        if (!NmeaNumber.TryTime(s, out r.Time))
        {
            return Fail(ref failed, "time");
        }
        r.HasTime = true;
        return true;
    }

    private static bool Position(ref FieldCursor f, ref NmeaRecord r, ref string failed)
    {
        var lat = f.Next();
        var ns = f.Next();
        var lon = f.Next();
        var ew = f.Next();
        if (lat.IsEmpty && lon.IsEmpty)
        {
            return true; // no fix: empty position is a valid sentence
        }
        if (!NmeaNumber.TryCoordinate(lat, ns, latitude: true, out r.Latitude))
        {
            return Fail(ref failed, "latitude");
        }
        if (!NmeaNumber.TryCoordinate(lon, ew, latitude: false, out r.Longitude))
        {
            return Fail(ref failed, "longitude");
        }
        r.HasPosition = true;
        return true;
    }

    private static bool Optional(ReadOnlySpan<byte> s, ref double value, string name, ref string failed) =>
        s.IsEmpty || NmeaNumber.TryDecimal(s, out value) || Fail(ref failed, name);

    private static bool OptionalInt(ReadOnlySpan<byte> s, ref int value, string name, ref string failed) =>
        s.IsEmpty || NmeaNumber.TryInt(s, out value) || Fail(ref failed, name);

    /// <summary>Skips a unit field (always M for metres in GGA).</summary>
    private static bool Skip(ref FieldCursor f)
    {
        f.Next();
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Fail(ref string failed, string field)
    {
        failed = field;
        return false;
    }
}
