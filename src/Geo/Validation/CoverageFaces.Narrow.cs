using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Boundaries.Geo.Validation;

/// <summary>
/// One defect, one finding: a displaced stretch of shared edge crosses the true edge where its displacement tapers off
/// (and wherever snapping to the grid makes the two copies touch), so it breaks into several thin gap and overlap
/// faces. Narrow pieces (near-miss and sliver) between the same divisions, of the same severity, lying within
/// <see cref="ValidationRules.NarrowPieceJoinMeters"/> of each other, are reported as one finding: the pieces together
/// as its location, the widest piece's width as its measure, the code that width calls for.
/// </summary>
internal sealed partial class CoverageFaces
{
    private readonly Dictionary<Finding, NarrowPiece> _narrow = new(ReferenceEqualityComparer.Instance);

    /// <summary>A near-miss or sliver face as found, before merging.</summary>
    private sealed record NarrowPiece(Polygon Face, string Kind, double AreaSquareMeters, string? CascadesFrom);

    private List<Finding> MergeNarrow(List<Finding> findings)
    {
        var groups = findings.Where(_narrow.ContainsKey)
            .GroupBy(f => (Divisions: string.Join("|", f.Divisions), f.Severity))
            .Where(g => g.Count() > 1)
            .ToList();
        if (groups.Count == 0)
        {
            return findings;
        }
        var replaced = new Dictionary<Finding, Finding?>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            foreach (var cluster in Clusters(group.ToList()))
            {
                if (cluster.Count < 2)
                {
                    continue;
                }
                replaced[cluster[0]] = Merged(cluster);
                foreach (var f in cluster.Skip(1))
                {
                    replaced[f] = null;
                }
            }
        }
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            if (!replaced.TryGetValue(f, out var instead))
            {
                result.Add(f);
            }
            else if (instead is not null)
            {
                result.Add(instead);
            }
        }
        return result;
    }

    /// <summary>Pieces linked by a chain of gaps no wider than the join distance, in the order found.</summary>
    private List<List<Finding>> Clusters(List<Finding> pieces)
    {
        var parent = Enumerable.Range(0, pieces.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < pieces.Count; i++)
        {
            for (var j = i + 1; j < pieces.Count; j++)
            {
                if (_narrow[pieces[i]].Face.IsWithinDistance(_narrow[pieces[j]].Face, _rules.NarrowPieceJoinMeters))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }
        return [.. Enumerable.Range(0, pieces.Count).GroupBy(Root).Select(g => g.Select(i => pieces[i]).ToList())];
    }

    private Finding Merged(List<Finding> cluster)
    {
        var pieces = cluster.Select(f => _narrow[f]).ToList();
        var width = cluster.Max(f => f.Measure ?? 0);
        var code = width <= _rules.NearMissToleranceMeters ? FindingCode.NearMissEdge : FindingCode.Sliver;
        var location = _input.Frame.ToLonLat(UnaryUnionOp.Union(pieces.Select(p => (Geometry)p.Face).ToList()));
        var area = pieces.Sum(p => p.AreaSquareMeters);
        var along = pieces.Sum(p => p.Face.Length / 2);
        var kinds = string.Join(" and ", pieces.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal));
        var divisions = cluster[0].Divisions;
        var names = string.Join(", ", divisions);
        var message = code == FindingCode.NearMissEdge
            ? $"edges of {names} miss each other by up to {width:0.###} m ({kinds} of {area:0.##} m² along {along:0.#} m, in {pieces.Count} pieces)"
            : $"sliver {kinds} up to {width:0.###} m wide between {names} ({area:0.##} m², in {pieces.Count} pieces)";
        var zhKind = FindingDetails.ChineseKind(kinds);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var detail = code == FindingCode.NearMissEdge
            ? FindingDetail.Of("near_miss_pieces", names, width.ToString("0.###", invariant), zhKind, area.ToString("0.##", invariant), along.ToString("0.#", invariant), pieces.Count)
            : FindingDetail.Of("sliver_pieces", names, zhKind, width.ToString("0.###", invariant), area.ToString("0.##", invariant), pieces.Count);
        if (pieces.Select(p => p.CascadesFrom).FirstOrDefault(c => c is not null) is { } invalid)
        {
            message += $" (follows from the invalid geometry of {invalid})";
            detail = detail with { CascadesFrom = invalid };
        }
        return new Finding(code, cluster[0].Severity, divisions, location, Math.Round(width, 3), "m", message, detail);
    }
}
