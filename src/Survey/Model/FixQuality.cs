namespace Boundaries.Survey.Model;

/// <summary>
/// One fix-quality scale for every survey format. A reader maps its own code (NMEA GGA quality, GNS mode letter,
/// RTKLIB Q flag, GPX <c>fix</c>) onto this scale with an explicit table (<see cref="FixQualityScale"/>).
/// </summary>
public enum FixQuality
{
    /// <summary>No fix, or the receiver flagged the position invalid (GGA 0, RMC status V, GNS N).</summary>
    Invalid = 0,

    /// <summary>Stand-alone code solution (GGA 1, RTKLIB 5 single, GNS A, GPX 2d/3d).</summary>
    Autonomous,

    /// <summary>Differential code solution (GGA 2, RTKLIB 4, GNS D, GPX dgps).</summary>
    Dgps,

    /// <summary>SBAS-corrected solution (RTKLIB 3); receivers that report SBAS as GGA 2 appear as <see cref="Dgps"/>.</summary>
    Sbas,

    /// <summary>Precise (P-code / PPS) solution (GGA 3, GNS P, GPX pps).</summary>
    Pps,

    /// <summary>Carrier-phase RTK with fixed integer ambiguities (GGA 4, RTKLIB 1, GNS R): centimetre grade.</summary>
    RtkFixed,

    /// <summary>Carrier-phase RTK with float ambiguities (GGA 5, RTKLIB 2, GNS F): decimetre grade.</summary>
    RtkFloat,

    /// <summary>Precise point positioning (RTKLIB 6).</summary>
    Ppp,

    /// <summary>Estimated / dead reckoning (GGA 6, GNS E).</summary>
    DeadReckoning,

    /// <summary>Position entered by hand (GGA 7, GNS M).</summary>
    Manual,

    /// <summary>Simulator output (GGA 8, GNS S): never a real position.</summary>
    Simulated,

    /// <summary>A coordinate from a total station, a CASS file or a CSV: surveyed, but not a GNSS solution.</summary>
    Surveyed,

    /// <summary>The file gives a position without any quality indication.</summary>
    Unknown,
}
