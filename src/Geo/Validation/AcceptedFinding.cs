using System.Collections.Immutable;

namespace Boundaries.Geo.Validation;

/// <summary>
/// A known finding accepted as an exception (as ArcGIS topology lets one mark an error as an exception): any finding
/// with this code whose divisions are exactly <paramref name="Divisions"/> (in any order) is moved from the findings
/// to the accepted list of the report.
/// </summary>
/// <param name="Code">The finding code.</param>
/// <param name="Divisions">The division codes of the finding; empty accepts every finding of the code.</param>
/// <param name="Reason">Why it is accepted (kept for the record; may be empty).</param>
public sealed record AcceptedFinding(FindingCode Code, ImmutableArray<string> Divisions, string Reason = "")
{
    /// <summary>True when <paramref name="finding"/> is covered by this exception.</summary>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Code == Code
            && (Divisions.IsDefaultOrEmpty || Divisions.Order(StringComparer.Ordinal).SequenceEqual(finding.Divisions.Order(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
