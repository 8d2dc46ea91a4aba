using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The "levels affected" score: for each transfer, what <see cref="ChildCarrier"/> would do to the levels below if the
/// transfer were made alone (a district change carries its townships: moved with their new codes, or cut and merged),
/// added to <see cref="ResolutionScore.LevelsAffected"/> and <see cref="ResolutionScore.Carried"/>. Codes are stated for
/// the transfer alone; when a plan moves several townships into one district, the applier allocates serials in plan
/// order and its applied resolutions carry the codes actually given.
/// </summary>
public static class LevelScores
{
    /// <summary>The options with their carried changes.</summary>
    public static ImmutableArray<EnclaveResolution> Carry(DivisionSet set, IReadOnlyList<EnclaveFinding> findings, ImmutableArray<EnclaveResolution> options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(findings);
        var levels = set.Divisions.Select(d => d.Level).ToHashSet();
        if (!options.Any(o => o.Kind != ResolutionKind.Keep && levels.Contains(findings[o.Finding].Level + 1)))
        {
            return options;
        }
        var precision = set.Crs.Kind == CrsKind.GaussKruger ? new PrecisionModel(MetricFrame.GridScale) : new PrecisionModel();
        var result = ImmutableArray.CreateBuilder<EnclaveResolution>(options.Length);
        foreach (var o in options)
        {
            var f = findings[o.Finding];
            if (o.Kind == ResolutionKind.Keep || o.To is null || f.Evidence.PartIndex < 0 || !levels.Contains(f.Level + 1)
                || set.Divisions.FirstOrDefault(d => d.Level == f.Level && d.Code == o.From) is not { } owner
                || f.Evidence.PartIndex >= owner.Geometry.NumGeometries)
            {
                result.Add(o);
                continue;
            }
            var piece = owner.Geometry.GetGeometryN(f.Evidence.PartIndex);
            var carried = ChildCarrier.Carry([.. set.Divisions], f.Level, o.From, o.To, piece, precision);
            result.Add(carried.IsEmpty ? o : o with { Score = With(o.Score, f.Level, carried) });
        }
        return result.MoveToImmutable();
    }

    /// <summary>The score with the carried changes and their levels added to the levels affected.</summary>
    public static ResolutionScore With(ResolutionScore score, DivisionLevel level, ImmutableArray<ChildChange> carried)
    {
        ArgumentNullException.ThrowIfNull(score);
        var all = score.LevelsAffected.Append(level).Concat(carried.Select(c => c.Level)).Distinct().Order();
        return score with { LevelsAffected = [.. all], Carried = carried };
    }
}
