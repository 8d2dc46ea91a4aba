namespace Boundaries.Survey.Reading;

/// <summary>What an NMEA reader does with a sentence whose checksum does not match.</summary>
public enum ChecksumPolicy
{
    /// <summary>Reject the sentence (an Error issue on its line). The default.</summary>
    Reject,

    /// <summary>Use the sentence and report a Warning issue on its line.</summary>
    AcceptWithWarning,
}
