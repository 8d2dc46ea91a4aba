using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Applies a plan: each transfer moves the part of <c>From</c> that holds the resolution's point to <c>To</c> (exact:
/// the part is taken out of From's multipolygon as it is and unioned into To on the set's grid). A counter-enclave and
/// its enclave come out the same in either order (whichever moves second is found inside the first's new owner or is
/// no longer detached and skipped); when From and To have different parents the parents change
/// too. The levels below follow (<see cref="ChildCarrier"/>): children wholly in the piece move to To with new codes,
/// cut children give the cut part to To's child with the longest shared border; each applied resolution's score then
/// carries those changes. Other codes never change; the result is in the set's CRS.
/// </summary>
public static class EnclaveApplier
{
    /// <summary>The new division set and the transfers actually made.</summary>
    /// <exception cref="ArgumentException">A resolution names a division that is not in the set.</exception>
    public static (DivisionSet Set, ImmutableArray<EnclaveResolution> Applied) Apply(DivisionSet set, EnclavePlan plan, DivisionLevel level)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(plan);
        var divisions = set.Divisions.ToList();
        int IndexOf(DivisionLevel l, string code) =>
            divisions.FindIndex(d => d.Level == l && d.Code == code) is var i and >= 0 ? i : throw new ArgumentException($"division {code} ({l.Name()}) is not in the set", nameof(plan));
        var toSource = CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs);
        var precision = set.Crs.Kind == CrsKind.GaussKruger ? new PrecisionModel(MetricFrame.GridScale) : new PrecisionModel();
        var applied = ImmutableArray.CreateBuilder<EnclaveResolution>();
        foreach (var r in plan.Choices.Where(c => c.Kind != ResolutionKind.Keep))
        {
            if (r.HasMoves)
            {
                PieceMoves.Apply(set, divisions, r, level); // corridors, zones, necks, merges
                applied.Add(r);
                continue;
            }
            var from = IndexOf(level, r.From);
            var to = IndexOf(level, r.To!);
            var point = toSource.Transform(r.Point);
            var g = divisions[from].Geometry;
            var parts = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).ToList();
            var largest = parts.MaxBy(p => p.Area);
            var piece = parts.FirstOrDefault(p => p != largest && p.Covers(point));
            if (piece is null)
            {
                continue; // already moved with the enclave around it, or no longer detached
            }
            var rest = g.Factory.BuildGeometry(parts.Where(p => p != piece));
            divisions[from] = divisions[from] with { Geometry = rest.NumGeometries == 1 ? rest.GetGeometryN(0) : rest };
            divisions[to] = divisions[to] with { Geometry = Union(divisions[to].Geometry, piece, precision) };
            var fromParent = divisions[from].ParentCode;
            var toParent = divisions[to].ParentCode;
            if (fromParent is not null && toParent is not null && fromParent != toParent && level > DivisionLevel.Province)
            {
                var pf = divisions.FindIndex(d => d.Level == level - 1 && d.Code == fromParent);
                var pt = divisions.FindIndex(d => d.Level == level - 1 && d.Code == toParent);
                if (pf >= 0 && pt >= 0)
                {
                    divisions[pf] = divisions[pf] with { Geometry = OverlayNG.Overlay(divisions[pf].Geometry, piece, SpatialFunction.Difference, precision) };
                    divisions[pt] = divisions[pt] with { Geometry = Union(divisions[pt].Geometry, piece, precision) };
                }
            }
            var carried = ChildCarrier.Carry(divisions, level, r.From, r.To!, piece, precision);
            applied.Add(carried.IsEmpty ? r : r with { Score = LevelScores.With(r.Score, level, carried) });
        }
        return (set with { Divisions = [.. divisions] }, applied.ToImmutable());
    }

    private static Geometry Union(Geometry a, Geometry b, PrecisionModel precision)
    {
        var u = OverlayNG.Overlay(a, b, SpatialFunction.Union, precision);
        return u.NumGeometries == 1 ? u.GetGeometryN(0) : u;
    }
}
