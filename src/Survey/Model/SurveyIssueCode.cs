namespace Boundaries.Survey.Model;

/// <summary>Stable codes of the issues survey readers report (snake_case in JSON). Never renumber.</summary>
public enum SurveyIssueCode
{
    /// <summary>The NMEA checksum does not match the sentence.</summary>
    BadChecksum = 1,

    /// <summary>The line is neither a sentence/record of the format nor a comment.</summary>
    NotARecord = 2,

    /// <summary>A field that must be a number, time, date or coordinate could not be read.</summary>
    MalformedField = 3,

    /// <summary>A required field is empty or the record has too few fields.</summary>
    MissingField = 4,

    /// <summary>A coordinate is out of range (|lat| &gt; 90, |lon| &gt; 180).</summary>
    CoordinateOutOfRange = 5,

    /// <summary>An epoch or record without a position (empty no-fix sentence).</summary>
    NoFix = 6,

    /// <summary>The line is longer than any record of the format can be.</summary>
    LineTooLong = 7,

    /// <summary>A date before the roll-over cut-off was moved forward by 1024 GPS weeks.</summary>
    WeekRolloverRepaired = 8,

    /// <summary>A sentence without a checksum (allowed by old NMEA versions).</summary>
    MissingChecksum = 9,

    /// <summary>A record type the reader does not know, in a format where every line should be known.</summary>
    UnknownRecord = 10,

    /// <summary>Bytes that are not valid text in the file's encoding.</summary>
    BadEncoding = 11,
}
