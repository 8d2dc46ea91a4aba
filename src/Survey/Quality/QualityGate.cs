using System.Collections.Immutable;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Quality;

/// <summary>Applies an <see cref="AcceptancePolicy"/> to survey points.</summary>
public static class QualityGate
{
    /// <summary>Splits <paramref name="points"/> into accepted and rejected, in input order; both empty for no input.</summary>
    public static QualityReport Apply(IEnumerable<SurveyPoint> points, AcceptancePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(policy);
        var accepted = ImmutableArray.CreateBuilder<SurveyPoint>();
        var rejected = ImmutableArray.CreateBuilder<RejectedPoint>();
        var reasons = new SortedDictionary<RejectionReason, int>();
        foreach (var p in points)
        {
            if (policy.Check(p) is { } reason)
            {
                rejected.Add(new RejectedPoint(p, reason));
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
            else
            {
                accepted.Add(p);
            }
        }
        return new QualityReport(accepted.ToImmutable(), rejected.ToImmutable(), reasons.ToImmutableSortedDictionary());
    }
}
