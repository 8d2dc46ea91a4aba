namespace Boundaries.Survey.Model;

/// <summary>The explicit tables that map each format's quality code onto <see cref="FixQuality"/>.</summary>
public static class FixQualityScale
{
    /// <summary>NMEA GGA field 6 (0–8) → scale; index = GGA code.</summary>
    public static IReadOnlyList<FixQuality> Gga { get; } =
    [
        FixQuality.Invalid,       // 0 fix not available
        FixQuality.Autonomous,    // 1 GPS fix
        FixQuality.Dgps,          // 2 differential GPS fix
        FixQuality.Pps,           // 3 PPS fix
        FixQuality.RtkFixed,      // 4 real-time kinematic, fixed integers
        FixQuality.RtkFloat,      // 5 float RTK
        FixQuality.DeadReckoning, // 6 estimated (dead reckoning)
        FixQuality.Manual,        // 7 manual input mode
        FixQuality.Simulated,     // 8 simulation mode
    ];

    /// <summary>RTKLIB .pos Q column (1–6) → scale; index = Q (index 0 is unused and maps to Invalid).</summary>
    public static IReadOnlyList<FixQuality> Rtklib { get; } =
    [
        FixQuality.Invalid,    // 0 no solution
        FixQuality.RtkFixed,   // 1 fix
        FixQuality.RtkFloat,   // 2 float
        FixQuality.Sbas,       // 3 sbas
        FixQuality.Dgps,       // 4 dgps
        FixQuality.Autonomous, // 5 single
        FixQuality.Ppp,        // 6 ppp
    ];

    /// <summary>The scale value of GGA quality <paramref name="code"/>; <see cref="FixQuality.Unknown"/> outside 0–8.</summary>
    public static FixQuality FromGga(int code) => (uint)code < (uint)Gga.Count ? Gga[code] : FixQuality.Unknown;

    /// <summary>The scale value of RTKLIB Q <paramref name="code"/>; <see cref="FixQuality.Unknown"/> outside 0–6.</summary>
    public static FixQuality FromRtklib(int code) => (uint)code < (uint)Rtklib.Count ? Rtklib[code] : FixQuality.Unknown;

    /// <summary>
    /// An NMEA mode indicator letter (RMC/VTG field, or one letter of GNS's per-constellation mode):
    /// N invalid, A autonomous, D differential, P precise, R RTK fixed, F RTK float, E estimated, M manual, S simulator.
    /// <see cref="FixQuality.Unknown"/> for anything else.
    /// </summary>
    public static FixQuality FromModeLetter(char mode) => mode switch
    {
        'N' => FixQuality.Invalid,
        'A' => FixQuality.Autonomous,
        'D' => FixQuality.Dgps,
        'P' => FixQuality.Pps,
        'R' => FixQuality.RtkFixed,
        'F' => FixQuality.RtkFloat,
        'E' => FixQuality.DeadReckoning,
        'M' => FixQuality.Manual,
        'S' => FixQuality.Simulated,
        _ => FixQuality.Unknown,
    };

    /// <summary>
    /// How good a quality is for surveying, higher is better: RTK fixed first, then float, PPP, DGPS/SBAS/PPS,
    /// autonomous; invalid, simulated and manual rank lowest. Used to pick the best of several constellation modes.
    /// </summary>
    public static int Rank(FixQuality quality) => quality switch
    {
        FixQuality.RtkFixed => 10,
        FixQuality.Surveyed => 9,
        FixQuality.RtkFloat => 8,
        FixQuality.Ppp => 7,
        FixQuality.Pps => 6,
        FixQuality.Dgps => 5,
        FixQuality.Sbas => 5,
        FixQuality.Autonomous => 4,
        FixQuality.DeadReckoning => 3,
        FixQuality.Unknown => 2,
        FixQuality.Manual => 1,
        _ => 0,
    };
}
