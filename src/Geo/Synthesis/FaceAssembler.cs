using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Polygonizes a set of noded chains and labels each face by the lattice cell centres it contains: a cell centre
/// is always well inside the face of its cell's component, because chains stray from the lattice lines by much less
/// than half a cell. Every face must be claimed by exactly one key.
/// </summary>
internal static class FaceAssembler
{
    /// <summary>
    /// Faces per key, largest first. <paramref name="reps"/> gives one representative point per lattice component with
    /// the key it belongs to (several components may share a key).
    /// </summary>
    public static SortedDictionary<int, List<Polygon>> Assemble(
        IEnumerable<Chain> chains, IReadOnlyList<(Coordinate Rep, int Key)> reps, GeometryFactory factory)
    {
        var polygonizer = new Polygonizer();
        foreach (var chain in chains)
        {
            polygonizer.Add(factory.CreateLineString(chain.Shape));
        }
        var faces = polygonizer.GetPolygons().Cast<Polygon>().ToList();
        if (polygonizer.GetDangles().Count > 0 || polygonizer.GetCutEdges().Count > 0 || polygonizer.GetInvalidRingLines().Count > 0)
        {
            throw new InvalidOperationException("chains do not form a clean planar subdivision");
        }
        var index = new STRtree<int>();
        for (var f = 0; f < faces.Count; f++)
        {
            index.Insert(faces[f].EnvelopeInternal, f);
        }
        var locators = new IndexedPointInAreaLocator?[faces.Count];
        var owner = new int[faces.Count];
        Array.Fill(owner, int.MinValue);
        foreach (var (rep, key) in reps)
        {
            var found = -1;
            foreach (var f in index.Query(new Envelope(rep)).OrderBy(f => f))
            {
                locators[f] ??= new IndexedPointInAreaLocator(faces[f]);
                if (locators[f]!.Locate(rep) == Location.Interior)
                {
                    found = f;
                    break;
                }
            }
            if (found < 0)
            {
                throw new InvalidOperationException($"no face contains the representative point {rep} of key {key}");
            }
            if (owner[found] != int.MinValue && owner[found] != key)
            {
                throw new InvalidOperationException($"face {found} is claimed by keys {owner[found]} and {key}");
            }
            owner[found] = key;
        }
        var result = new SortedDictionary<int, List<Polygon>>();
        for (var f = 0; f < faces.Count; f++)
        {
            if (owner[f] == int.MinValue)
            {
                throw new InvalidOperationException($"face {f} contains no lattice cell");
            }
            if (!result.TryGetValue(owner[f], out var list))
            {
                result[owner[f]] = list = [];
            }
            list.Add(Oriented(faces[f], factory));
        }
        foreach (var list in result.Values)
        {
            list.Sort((a, b) => b.Area.CompareTo(a.Area));
        }
        return result;
    }

    /// <summary>Shell counter-clockwise, holes clockwise (OGC and RFC 7946 order).</summary>
    private static Polygon Oriented(Polygon p, GeometryFactory factory)
    {
        var shell = Ring(p.Shell, ccw: true, factory);
        var holes = p.Holes.Select(h => Ring(h, ccw: false, factory)).ToArray();
        return factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Ring(LinearRing r, bool ccw, GeometryFactory factory) =>
        Orientation.IsCCW(r.CoordinateSequence) == ccw ? r : factory.CreateLinearRing(r.CoordinateSequence.Reversed());
}
