using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>
/// The directed ring segments of a coverage's members that do not cancel against a neighbour's reversed copy or the
/// parent's boundary, with the members they belong to: the places where the coverage is not an exact tiling.
/// </summary>
/// <remarks>
/// Boundary chains add up: when the members' chains (rings directed with the interior on the left) sum to the parent's,
/// the members' winding numbers sum to the parent's, which is 0 or 1 everywhere; since each valid member has winding 0
/// or 1, no point is in two members, every point of the parent is in one and none is outside it. So an empty residue
/// with a parent means the coverage is clean. A member none of whose segments is left over cannot bound a gap or an
/// overlap (its every edge is matched), so only members with a residue need rebuilding. The test is conservative: a
/// vertex on one side of a shared edge that the other side lacks leaves a residue, and the faces then decide.
/// </remarks>
internal sealed class SegmentLedger
{
    private readonly Dictionary<SegmentKey, List<int>> residual = [];

    public HashSet<int> DirtyMembers { get; } = [];

    public bool ParentDirty { get; private set; }

    public bool IsExactTiling => DirtyMembers.Count == 0 && !ParentDirty;

    public static SegmentLedger Of(IReadOnlyList<Geometry> members, Geometry? parent, double scale)
    {
        var ledger = new SegmentLedger();
        var residual = ledger.residual;
        for (var m = 0; m < members.Count; m++)
        {
            foreach (var s in RingWalker.InteriorLeftSegments(members[m], scale))
            {
                var reverse = s.Reversed;
                if (residual.TryGetValue(reverse, out var owners))
                {
                    owners.RemoveAt(owners.Count - 1);
                    if (owners.Count == 0)
                    {
                        residual.Remove(reverse);
                    }
                }
                else if (residual.TryGetValue(s, out var same))
                {
                    same.Add(m);
                }
                else
                {
                    residual[s] = [m];
                }
            }
        }
        if (parent is not null)
        {
            foreach (var s in RingWalker.InteriorLeftSegments(parent, scale))
            {
                if (residual.TryGetValue(s, out var owners) && owners.Count == 1)
                {
                    residual.Remove(s);
                }
                else
                {
                    ledger.ParentDirty = true;
                }
            }
        }
        foreach (var owners in residual.Values)
        {
            ledger.DirtyMembers.UnionWith(owners);
        }
        return ledger;
    }
}
