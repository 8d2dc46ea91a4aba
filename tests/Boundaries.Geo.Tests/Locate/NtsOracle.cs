using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Tests.Locate;

/// <summary>The answer NTS itself gives: per level, every division whose geometry <c>Covers</c> the point.</summary>
internal sealed class NtsOracle
{
    private readonly IReadOnlyList<Division> _divisions;
    private readonly Dictionary<DivisionLevel, STRtree<int>> _trees = [];

    public NtsOracle(IReadOnlyList<Division> divisions)
    {
        _divisions = divisions;
        for (var i = 0; i < divisions.Count; i++)
        {
            if (!_trees.TryGetValue(divisions[i].Level, out var tree))
            {
                _trees[divisions[i].Level] = tree = new STRtree<int>();
            }
            tree.Insert(divisions[i].Geometry.EnvelopeInternal, i);
        }
    }

    /// <summary>Indices of the divisions at <paramref name="level"/> that cover the point, ascending, and whether it is on one's boundary.</summary>
    public (int[] Covering, bool OnBoundary) At(DivisionLevel level, Coordinate c, Func<Division, bool>? valid = null)
    {
        var point = LocatorFixtures.Factory.CreatePoint(c);
        var covering = new List<int>();
        var onBoundary = false;
        foreach (var i in _trees[level].Query(new Envelope(c)))
        {
            var g = _divisions[i].Geometry;
            if ((valid is null || valid(_divisions[i])) && g.Covers(point))
            {
                covering.Add(i);
                onBoundary |= !g.Contains(point);
            }
        }
        covering.Sort();
        return ([.. covering], onBoundary);
    }
}
