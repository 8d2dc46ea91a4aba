using System.Globalization;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

internal sealed partial class CoverageJob
{
    private const int Nobody = -1;
    private const int Undecided = -2;

    /// <summary>
    /// Gives every face an owner (a member, or <see cref="Nobody"/>) and logs each face that was not already held by
    /// exactly one member inside the parent: outside the parent → removed; overlap → one claimant; gap → one neighbour.
    /// Thin pieces go by longest shared border; the others by the options' strategy.
    /// </summary>
    private int[] AssignFaces(List<Face> faces, bool parentInGraph)
    {
        var owners = new int[faces.Count];
        var k = active.Length;
        var outside = new Outside(this);
        var overlaps = new List<int>();
        var gaps = new List<int>();
        for (var f = 0; f < faces.Count; f++)
        {
            var face = faces[f];
            var claim = Claimants(face);
            owners[f] = Undecided;
            if (claim.Count == 0 && outside.CoveredByCleanMember(face))
            {
                //-- a hole in the active members that an unchanged member fills
                owners[f] = Nobody;
                continue;
            }
            var inParent = parent is null || (parentInGraph ? face.Winding[k] > 0 : claim.Count > 0 || outside.InParent(face));
            if (inParent && claim.Count == 1)
            {
                owners[f] = claim[0];
            }
            else if (!inParent)
            {
                owners[f] = Nobody;
                if (claim.Count > 0)
                {
                    Record(CleanChangeKind.OutsideParentRemoved, face, claim, [], Nobody, Width(face),
                        $"outside the parent {coverage.ParentCode}: removed from {string.Join(", ", Codes(claim))}");
                }
            }
            else if (claim.Count > 1)
            {
                overlaps.Add(f);
            }
            else if (parent is null && Width(face) > context.Options.MaxGapWidthMeters)
            {
                //-- with no parent outline a wide hole is taken to be real (a lake, another unit's land)
                owners[f] = Nobody;
            }
            else
            {
                gaps.Add(f);
            }
        }
        foreach (var f in overlaps)
        {
            var claim = Claimants(faces[f]);
            Decide(faces, owners, f, claim, claim);
        }
        for (var progress = true; progress && gaps.Count > 0;)
        {
            progress = false;
            foreach (var f in gaps.ToList())
            {
                var neighbours = OwnedNeighbours(faces[f], owners);
                if (neighbours.Count == 0)
                {
                    continue;
                }
                Decide(faces, owners, f, [], neighbours);
                gaps.Remove(f);
                progress = true;
            }
        }
        foreach (var f in gaps)
        {
            owners[f] = Nobody;
            Record(CleanChangeKind.GapLeftOpen, faces[f], [], [], Nobody, Width(faces[f]), "gap with no neighbouring division left open");
        }
        return owners;
    }

    /// <summary>The members (by coverage position) whose interior holds the face.</summary>
    private List<int> Claimants(Face face) => [.. face.Claimants().Select(s => active[s])];

    private void Decide(List<Face> faces, int[] owners, int f, List<int> claim, List<int> candidates)
    {
        var face = faces[f];
        var width = Width(face);
        var options = context.Options;
        var thin = width <= options.SliverWidthMeters;
        var borders = candidates.ToDictionary(c => c, c => Border(face, owners, c));
        var (winner, why) = thin || options.Strategy == CleanStrategy.LongestBorder
            ? ByBorder(candidates, borders)
            : options.Strategy switch
            {
                CleanStrategy.MaxArea => Pick(candidates, c => -areas[c], c => FormattableString.Invariant($"largest division ({areas[c]:0.##} m²)")),
                CleanStrategy.MinArea => Pick(candidates, c => areas[c], c => FormattableString.Invariant($"smallest division ({areas[c]:0.##} m²)")),
                _ => ByPriority(candidates, borders),
            };
        owners[f] = winner;
        var kind = width <= options.SnapToleranceMeters ? CleanChangeKind.NearMissSnapped
            : thin ? CleanChangeKind.SliverMerged
            : claim.Count > 0 ? CleanChangeKind.OverlapResolved : CleanChangeKind.GapFilled;
        var what = claim.Count > 0 ? $"overlap of {string.Join(", ", Codes(claim))}" : $"gap beside {string.Join(", ", Codes(candidates))}";
        Record(kind, face, claim, candidates, winner, width, $"{what} given to {coverage.Divisions[winner].Code}: {why}");
    }

    private static (int, string) ByBorder(List<int> candidates, Dictionary<int, double> borders) =>
        Pick(candidates, c => -borders[c], c => FormattableString.Invariant($"longest shared border ({borders[c]:0.##} m)"));

    private (int, string) ByPriority(List<int> candidates, Dictionary<int, double> borders)
    {
        var list = context.Options.Priority;
        int Rank(int c)
        {
            var r = list.IndexOf(coverage.Divisions[c].Code);
            return r < 0 ? int.MaxValue : r;
        }
        var best = candidates.Min(Rank);
        if (best == int.MaxValue)
        {
            var (w, why) = ByBorder(candidates, borders);
            return (w, "no candidate in the priority list; " + why);
        }
        return Pick(candidates.Where(c => Rank(c) == best).ToList(), c => -borders[c], c => $"first in the priority list (position {best + 1})");
    }

    /// <summary>The candidate with the smallest key; ties go to the earlier member.</summary>
    private static (int, string) Pick(List<int> candidates, Func<int, double> key, Func<int, string> why)
    {
        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (key(c) < key(best))
            {
                best = c;
            }
        }
        return (best, why(best));
    }

    private static double Border(Face face, int[] owners, int member) =>
        face.Borders.Where(b => b.Key >= 0 && owners[b.Key] == member).Sum(b => b.Value);

    private static List<int> OwnedNeighbours(Face face, int[] owners) =>
        [.. face.Borders.Keys.Where(g => g >= 0 && owners[g] >= 0).Select(g => owners[g]).Distinct().Order()];

    /// <summary>The diameter of the face's largest inscribed circle, to 1 cm.</summary>
    private static double Width(Face face) => face.WidthMeters ??= 2 * MaximumInscribedCircle.GetRadiusLine(face.Polygon, 0.005).Length;

    private void Record(CleanChangeKind kind, Face face, List<int> claim, List<int> candidates, int owner, double width, string reason)
    {
        var area = face.Polygon.Area;
        var full = string.Create(CultureInfo.InvariantCulture, $"{reason} (piece of {area:0.##} m², {width:0.###} m wide)");
        Log.Add(new CleanChange(kind, coverage.Level, coverage.ParentCode, Codes(claim), Indices(claim), Codes(candidates),
            owner >= 0 ? coverage.Divisions[owner].Code : null, owner >= 0 ? indices[owner] : null,
            area, context.EllipsoidalArea(face.Polygon), width, context.ToInput(face.Polygon), full));
    }
}
