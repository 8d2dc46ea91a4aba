using System.Collections.Immutable;

namespace Boundaries.Survey.Model;

/// <summary>
/// What a reader saw in one file, every line accounted for: <see cref="Lines"/> read, <see cref="Points"/> accepted,
/// <see cref="RejectedLines"/> (one Error issue each), issues by code, points by quality, and records by type
/// (NMEA sentence type without talker, GPX element, controller record code), including the types a reader ignores.
/// </summary>
public sealed record ImportCounts(
    long Lines,
    long Points,
    long RejectedLines,
    ImmutableSortedDictionary<SurveyIssueCode, long> IssuesByCode,
    ImmutableSortedDictionary<FixQuality, long> PointsByQuality,
    ImmutableSortedDictionary<string, long> RecordsByType,
    long IssuesNotKept);
