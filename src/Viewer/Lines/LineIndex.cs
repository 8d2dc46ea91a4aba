using System.Runtime.CompilerServices;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// A spatial index (STR-tree of envelopes) over the boundary lines of each level of one topology, built once per
/// topology and level: the edit layer asks only for the lines whose envelope meets the view.
/// </summary>
internal static class LineIndex
{
    private static readonly ConditionalWeakTable<BoundaryTopology, Dictionary<DivisionLevel, STRtree<BoundaryLine>>> Built = [];

    /// <summary>The lines of <paramref name="level"/> whose envelope intersects <paramref name="box"/> (all of the level
    /// without one), in id order so pages are stable.</summary>
    public static IReadOnlyList<BoundaryLine> Query(BoundaryTopology topology, DivisionLevel level, Envelope? box)
    {
        if (box is null)
        {
            return [.. topology.Lines.Where(l => l.Level == level).OrderBy(l => l.Id)];
        }
        var tree = Tree(topology, level);
        var found = tree.Query(box).ToList();
        found.Sort((a, b) => a.Id.CompareTo(b.Id));
        return found;
    }

    private static STRtree<BoundaryLine> Tree(BoundaryTopology topology, DivisionLevel level)
    {
        var trees = Built.GetValue(topology, _ => []);
        lock (trees)
        {
            if (!trees.TryGetValue(level, out var tree))
            {
                tree = new STRtree<BoundaryLine>();
                foreach (var line in topology.Lines.Where(l => l.Level == level))
                {
                    tree.Insert(line.Geometry.EnvelopeInternal, line);
                }
                tree.Build();
                trees[level] = tree;
            }
            return tree;
        }
    }
}
