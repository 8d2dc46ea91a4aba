using System.Collections.Immutable;

namespace Boundaries.Geo.Validation;

/// <summary>The result of <see cref="CoverageChecker.Check"/>.</summary>
/// <param name="Findings">Findings not accepted as exceptions, ordered by code, then divisions, then location.</param>
/// <param name="Accepted">Findings an exception in the rules accepted.</param>
/// <param name="Divisions">How many divisions were checked.</param>
/// <param name="Coverages">How many coverages (level × parent) were checked.</param>
public sealed record ValidationReport(ImmutableArray<Finding> Findings, ImmutableArray<Finding> Accepted, int Divisions, int Coverages)
{
    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>Number of findings per code, only codes present, in code order.</summary>
    public ImmutableSortedDictionary<FindingCode, int> CountByCode() =>
        Findings.GroupBy(f => f.Code).ToImmutableSortedDictionary(g => g.Key, g => g.Count());
}
