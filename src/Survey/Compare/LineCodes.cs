using System.Globalization;
using Boundaries.Geo.Topology;

namespace Boundaries.Survey.Compare;

/// <summary>
/// The code of a boundary line, used in marker numbers (界桩编号 = line code + 3-digit sequence + type letter):
/// the first six digits of the smaller (ordinal) of the two division codes — the county-level code of one side —
/// followed by the line's topology id as four digits, ten digits in all (e.g. line 37 between 120104001 and 120105002
/// → <c>1201040037</c>). The same divisions give the same topology and so the same codes.
/// </summary>
public static class LineCodes
{
    /// <summary>The line's code; a side code with fewer than six leading digits is padded with zeros.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The line id is above 9999.</exception>
    public static string Of(BoundaryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line.Id, 9999);
        var side = (line.Left, line.Right) switch
        {
            (null, null) => "",
            (null, var r) => r!,
            (var l, null) => l!,
            var (l, r) => string.CompareOrdinal(l, r) <= 0 ? l : r,
        };
        var digits = new string(side.TakeWhile(char.IsAsciiDigit).Take(6).ToArray()).PadRight(6, '0');
        return digits + line.Id.ToString("0000", CultureInfo.InvariantCulture);
    }
}
