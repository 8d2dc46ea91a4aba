using System.Collections.Immutable;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Quality;

/// <summary>A point an acceptance policy set aside, and why.</summary>
public sealed record RejectedPoint(SurveyPoint Point, RejectionReason Reason);

/// <summary>The points a policy accepted, those it rejected, and the rejections counted by reason (every one).</summary>
public sealed record QualityReport(
    ImmutableArray<SurveyPoint> Accepted,
    ImmutableArray<RejectedPoint> Rejected,
    ImmutableSortedDictionary<RejectionReason, int> RejectedByReason);
