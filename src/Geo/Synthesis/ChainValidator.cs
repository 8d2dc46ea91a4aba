using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Finds chains that cross or touch another chain (or themselves) anywhere but at shared end nodes, using NTS
/// <see cref="IsSimpleOp"/> with the endpoint boundary rule over all chains at once.
/// </summary>
internal static class ChainValidator
{
    /// <summary>Ids of offending chains, ascending; empty when the chains form a proper planar network.</summary>
    public static SortedSet<int> FindCrossing(IReadOnlyList<Chain> chains, GeometryFactory factory)
    {
        var lines = new LineString[chains.Count];
        for (var k = 0; k < chains.Count; k++)
        {
            lines[k] = factory.CreateLineString(chains[k].Shape);
        }
        var op = new IsSimpleOp(factory.CreateMultiLineString(lines), BoundaryNodeRules.EndpointBoundaryRule)
        {
            FindAllLocations = true,
        };
        var bad = new SortedSet<int>();
        if (op.IsSimple())
        {
            return bad;
        }
        var index = new STRtree<int>();
        for (var k = 0; k < lines.Length; k++)
        {
            index.Insert(lines[k].EnvelopeInternal, k);
        }
        foreach (var c in op.NonSimpleLocations)
        {
            var env = new Envelope(c);
            env.ExpandBy(1e-3);
            var pt = factory.CreatePoint(c);
            foreach (var k in index.Query(env))
            {
                if (lines[k].Distance(pt) < 1e-3)
                {
                    bad.Add(k);
                }
            }
        }
        return bad;
    }
}
