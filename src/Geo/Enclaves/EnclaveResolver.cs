using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Candidate resolutions of each finding: keep; transfer to the host with the longest shared border; transfer to each
/// other neighbour for whole detached parts (exclave, enclave, counter-enclave, semi-enclave, management); then, as
/// <see cref="ResolverSettings"/> asks, corridors, swaps, zone transfers for practical and management zones, neck
/// widening, merges of surrounded divisions and road-following variants (<c>MoreOptions</c>).
/// </summary>
public static class EnclaveResolver
{
    /// <summary>The candidates, Keep first for each finding.</summary>
    public static ImmutableArray<EnclaveResolution> Options(DivisionSet set, IReadOnlyList<EnclaveFinding> findings) => Options(set, findings, null);

    /// <summary>The candidates scored with address points, facilities and lines (people, households and facilities
    /// moved; share of new boundary following roads or rivers). New boundary = the piece's borders with divisions other
    /// than the receiver (those lines come to separate a new pair of divisions).</summary>
    public static ImmutableArray<EnclaveResolution> Options(DivisionSet set, IReadOnlyList<EnclaveFinding> findings, ScoringInputs? inputs) =>
        Options(set, findings, inputs, ResolverSettings.Default);

    /// <summary>The candidates with the further options <paramref name="settings"/> asks for (corridors, swaps, zone
    /// transfers, neck widening, merges; see <see cref="ResolverSettings"/>), grouped by finding, Keep first.</summary>
    public static ImmutableArray<EnclaveResolution> Options(DivisionSet set, IReadOnlyList<EnclaveFinding> findings, ScoringInputs? inputs, ResolverSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check();
        var basic = BasicOptions(set, findings, inputs);
        return MoreOptions.Add(set, findings, inputs, settings, basic);
    }

    private static ImmutableArray<EnclaveResolution> BasicOptions(DivisionSet set, IReadOnlyList<EnclaveFinding> findings, ScoringInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(findings);
        var byCode = set.Divisions.GroupBy(d => (d.Level, d.Code)).ToDictionary(g => g.Key, g => g.First());
        var frame = MetricFrame.For(set.Crs, set.Divisions.Select(d => d.Geometry));
        var lineIndex = PointScores.LineIndex(inputs, frame);
        var markers = MarkerScores.For(inputs, frame);
        var result = ImmutableArray.CreateBuilder<EnclaveResolution>();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var point = f.Geometry.InteriorPoint;
            result.Add(new EnclaveResolution(i, ResolutionKind.Keep, f.Owner, null, point, f.Geometry, ResolutionScore.None));
            if (f.Class is EnclaveClass.Surrounded or EnclaveClass.PracticalNeck or EnclaveClass.PracticalAccess || f.Evidence.PartIndex < 0)
            {
                continue;
            }
            if (!byCode.TryGetValue((f.Level, f.Owner), out var owner))
            {
                continue;
            }
            var piece = frame.ToMetric(owner.Geometry.GetGeometryN(f.Evidence.PartIndex), out _);
            var ownerMetric = frame.ToMetric(owner.Geometry, out _);
            foreach (var border in f.Evidence.SharedBorders)
            {
                if (!byCode.TryGetValue((f.Level, border.Code), out var target))
                {
                    continue;
                }
                var kind = border == f.Evidence.SharedBorders[0] ? ResolutionKind.TransferToHost : ResolutionKind.TransferToNeighbour;
                var targetMetric = frame.ToMetric(target.Geometry, out _);
                var ownerAfter = Overlay(ownerMetric, piece, SpatialFunction.Difference);
                var targetAfter = Overlay(targetMetric, piece, SpatialFunction.Union);
                ImmutableArray<DivisionLevel> levels = owner.ParentCode == target.ParentCode ? [f.Level] : [f.Level - 1, f.Level];
                var crossParent = levels.Length > 1 ? 2 : 1;
                var moved = inputs is null ? default : PointScores.Moved(inputs, piece, frame);
                var (newLength, following) = PointScores.NewBoundary(inputs, piece, f, border.Code, byCode, frame, lineIndex);
                var junctions = JunctionScores.Count(piece, f, border.Code, byCode, frame);
                var markersMoved = markers?.Moved([ownerMetric, targetMetric], [ownerAfter, targetAfter], [piece]) ?? [];
                var cost = f.AreaSquareMeters / 1e4 * crossParent - border.LengthMeters / 1000 + moved.People / 1000.0
                    + markersMoved.Length * (inputs?.MarkerWeight ?? 0);
                result.Add(new EnclaveResolution(i, kind, f.Owner, border.Code, point, f.Geometry, new ResolutionScore(
                    f.AreaSquareMeters, -border.LengthMeters, Math.Round(newLength, 3),
                    [Compactness(owner.Code, ownerMetric, ownerAfter), Compactness(target.Code, targetMetric, targetAfter)],
                    levels, Math.Round(cost, 6), moved.People, moved.Households, moved.Facilities, following, junctions.Removed, junctions.Kept)
                { MarkersMoved = markersMoved }));
            }
        }
        return LevelScores.Carry(set, findings, result.ToImmutable());
    }

    /// <summary>Overlay on the division's grid; an invalid division (a self-intersection left in dirty data) is repaired
    /// with <see cref="GeometryFixer"/> first, so one bad ring does not stop the scoring of every finding.</summary>
    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op)
    {
        try
        {
            return OverlayNG.Overlay(a, b, op, a.PrecisionModel);
        }
        catch (TopologyException)
        {
            return OverlayNG.Overlay(GeometryFixer.Fix(a), GeometryFixer.Fix(b), op, a.PrecisionModel);
        }
    }

    private static CompactnessChange Compactness(string code, Geometry before, Geometry after) =>
        new(code, PolsbyPopper(before), PolsbyPopper(after), HullRatio(before), HullRatio(after));

    /// <summary>4πA/P² over the whole (multi)polygon.</summary>
    internal static double PolsbyPopper(Geometry g) => g.Length <= 0 ? 0 : Math.Round(4 * Math.PI * g.Area / (g.Length * g.Length), 6);

    /// <summary>Area over the convex hull's area.</summary>
    internal static double HullRatio(Geometry g) => g.ConvexHull() is { Area: > 0 } hull ? Math.Round(g.Area / hull.Area, 6) : 0;
}
