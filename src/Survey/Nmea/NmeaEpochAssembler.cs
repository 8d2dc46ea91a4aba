using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Nmea;

/// <summary>
/// Joins the sentences of one epoch (same UTC time) into one <see cref="SurveyPoint"/>: position and quality from
/// GGA, else GNS, else RMC; σ from GST; DOPs from GSA; speed and course from RMC or VTG. Dates come from RMC/ZDA
/// (GPS week roll-over repaired) and are carried across GGA-only stretches, advancing at midnight.
/// </summary>
internal sealed class NmeaEpochAssembler(SurveyCollector sink)
{
    private static readonly long HalfDayTicks = TimeSpan.TicksPerDay / 2;
    private readonly DateOnly cutoff = sink.Options.GpsWeekRolloverCutoff;

    private bool open;
    private bool hasTime;
    private TimeOnly time;
    private long firstLine;
    private long positionLine;
    private int positionRank;
    private int qualityRank;
    private double latitude;
    private double longitude;
    private FixQuality quality;
    private int satellites;
    private int gsaSatellites;
    private double hdop, vdop, pdop, altitude, separation, speed, course, sigmaN, sigmaE, sigmaU;
    private bool epochHasDate;
    private DateOnly epochDate;

    private bool referenceKnown;
    private DateOnly referenceDate;
    private TimeOnly referenceTime;

    private bool pendingGst;
    private TimeOnly pendingGstTime;
    private double pendingN, pendingE, pendingU;

    public void Add(ref NmeaRecord r, long line)
    {
        switch (r.Type)
        {
            case NmeaType.Gga:
            case NmeaType.Gns:
            case NmeaType.Rmc:
                Join(ref r, line);
                MergePositionSentence(ref r, line);
                break;
            case NmeaType.Gst:
                if (open && r.HasTime && hasTime && r.Time == time)
                {
                    SetSigma(r.SigmaNorthMeters, r.SigmaEastMeters, r.SigmaUpMeters);
                }
                else if (r.HasTime)
                {
                    // GST ahead of its epoch's GGA: keep it for the epoch with that time
                    pendingGst = true;
                    pendingGstTime = r.Time;
                    (pendingN, pendingE, pendingU) = (r.SigmaNorthMeters, r.SigmaEastMeters, r.SigmaUpMeters);
                }
                break;
            case NmeaType.Gsa when open:
                pdop = Pick(r.Pdop, pdop);
                hdop = double.IsNaN(hdop) ? r.Hdop : hdop;
                vdop = Pick(r.Vdop, vdop);
                gsaSatellites += r.GsaSatellitesUsed;
                break;
            case NmeaType.Vtg when open:
                speed = double.IsNaN(speed) ? r.SpeedMetersPerSecond : speed;
                course = double.IsNaN(course) ? r.CourseDegrees : course;
                break;
            case NmeaType.Zda when r.HasDate:
                var date = Repair(r.Date, line);
                if (r.HasTime)
                {
                    (referenceKnown, referenceDate, referenceTime) = (true, date, r.Time);
                    if (open && hasTime && r.Time == time)
                    {
                        (epochHasDate, epochDate) = (true, date);
                    }
                }
                break;
        }
    }

    /// <summary>Emits the last epoch; call once at the end of the file.</summary>
    public void Finish() => Flush();

    private void Join(ref NmeaRecord r, long line)
    {
        if (open && r.HasTime && hasTime && r.Time != time)
        {
            Flush();
        }
        if (!open)
        {
            Start(r.HasTime, r.Time, line);
        }
        else if (!hasTime && r.HasTime)
        {
            (hasTime, time) = (true, r.Time);
        }
    }

    private void MergePositionSentence(ref NmeaRecord r, long line)
    {
        var rank = r.Type switch { NmeaType.Gga => 3, NmeaType.Gns => 2, _ => 1 };
        if (r.HasPosition && rank > positionRank)
        {
            (latitude, longitude, positionRank, positionLine) = (r.Latitude, r.Longitude, rank, line);
        }
        if (r.HasQuality && rank > qualityRank)
        {
            (quality, qualityRank) = (r.Quality, rank);
        }
        if (r.Satellites >= 0 && (satellites < 0 || rank == 3))
        {
            satellites = r.Satellites;
        }
        hdop = rank >= 2 && !double.IsNaN(r.Hdop) ? r.Hdop : hdop;
        if (!double.IsNaN(r.AltitudeMeters) && (double.IsNaN(altitude) || rank == 3))
        {
            altitude = r.AltitudeMeters;
            separation = r.GeoidSeparationMeters;
        }
        if (r.Type == NmeaType.Rmc)
        {
            speed = Pick(r.SpeedMetersPerSecond, speed);
            course = Pick(r.CourseDegrees, course);
            if (r.HasDate)
            {
                var date = Repair(r.Date, line);
                (epochHasDate, epochDate) = (true, date);
            }
        }
    }

    private void Start(bool withTime, TimeOnly at, long line)
    {
        open = true;
        (hasTime, time, firstLine, positionLine) = (withTime, at, line, 0);
        positionRank = qualityRank = 0;
        quality = FixQuality.Unknown;
        satellites = -1;
        gsaSatellites = 0;
        hdop = vdop = pdop = altitude = separation = speed = course = sigmaN = sigmaE = sigmaU = double.NaN;
        epochHasDate = false;
        if (pendingGst && withTime && pendingGstTime == at)
        {
            SetSigma(pendingN, pendingE, pendingU);
        }
        pendingGst = false;
    }

    private void Flush()
    {
        if (!open)
        {
            return;
        }
        open = false;
        if (positionRank == 0)
        {
            sink.Issue(SurveyIssueCode.NoFix, IssueSeverity.Info,
                hasTime ? $"no position in the epoch at {time.ToString("HH:mm:ss.FFF", CultureInfo.InvariantCulture)} UTC" : "no position in the epoch",
                firstLine);
            return;
        }
        DateOnly? date = null;
        if (epochHasDate)
        {
            date = epochDate;
            if (hasTime)
            {
                (referenceKnown, referenceDate, referenceTime) = (true, epochDate, time);
            }
        }
        else if (hasTime)
        {
            if (!referenceKnown && sink.Options.StartDate is { } start)
            {
                (referenceKnown, referenceDate, referenceTime) = (true, start, time);
            }
            if (referenceKnown)
            {
                var delta = time.Ticks - referenceTime.Ticks;
                var d = delta < -HalfDayTicks ? referenceDate.AddDays(1) : delta > HalfDayTicks ? referenceDate.AddDays(-1) : referenceDate;
                (referenceDate, referenceTime) = (d, time);
                date = d;
            }
        }
        sink.Point(new SurveyPoint
        {
            Line = positionLine,
            Kind = SurveyPointKind.TrackPoint,
            X = longitude,
            Y = latitude,
            Quality = quality,
            OrthometricHeightMeters = Nullable(altitude),
            GeoidSeparationMeters = Nullable(separation),
            EllipsoidalHeightMeters = double.IsNaN(altitude) || double.IsNaN(separation) ? null : altitude + separation,
            Date = date,
            Time = hasTime ? time : null,
            Satellites = satellites >= 0 ? satellites : gsaSatellites > 0 ? gsaSatellites : null,
            Hdop = Nullable(hdop),
            Vdop = Nullable(vdop),
            Pdop = Nullable(pdop),
            SigmaNorthMeters = Nullable(sigmaN),
            SigmaEastMeters = Nullable(sigmaE),
            SigmaUpMeters = Nullable(sigmaU),
            SpeedMetersPerSecond = Nullable(speed),
            CourseDegrees = Nullable(course),
        });
    }

    private DateOnly Repair(DateOnly date, long line)
    {
        if (date >= cutoff)
        {
            return date;
        }
        var repaired = date;
        while (repaired < cutoff)
        {
            repaired = repaired.AddDays(7 * 1024);
        }
        sink.Issue(SurveyIssueCode.WeekRolloverRepaired, IssueSeverity.Warning,
            string.Create(CultureInfo.InvariantCulture, $"date {date:yyyy-MM-dd} is before {cutoff:yyyy-MM-dd}: GPS week roll-over repaired to {repaired:yyyy-MM-dd}"),
            line, "date");
        return repaired;
    }

    private void SetSigma(double n, double e, double u) => (sigmaN, sigmaE, sigmaU) = (n, e, u);

    private static double Pick(double incoming, double current) => double.IsNaN(incoming) ? current : incoming;

    private static double? Nullable(double v) => double.IsNaN(v) ? null : v;
}
