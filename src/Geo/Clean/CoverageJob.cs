using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Geo.Normalize;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Precision;

namespace Boundaries.Geo.Clean;

/// <summary>
/// Cleans one coverage (the members of one level under one parent) in the metric plane, as named steps: put every
/// vertex on the grid and repair invalid members; stop if the members already tile the parent exactly; otherwise node
/// and polygonize, classify and assign the faces, and rebuild each member from the faces it owns.
/// </summary>
/// <remarks>The steps follow the description of JTS <c>coverage/CoverageCleaner.java</c>; the code is our own.</remarks>
internal sealed partial class CoverageJob
{
    private readonly CleanContext context;
    private readonly Coverage coverage;
    private readonly int[] indices;
    private readonly Geometry? parent;
    private readonly Geometry[] geometries;
    private readonly double[] areas;
    private int[] active = [];

    private CoverageJob(CleanContext context, Coverage coverage, int[] indices, Geometry? parent)
    {
        this.context = context;
        this.coverage = coverage;
        this.indices = indices;
        this.parent = parent;
        geometries = new Geometry[indices.Length];
        areas = new double[indices.Length];
    }

    public List<CleanChange> Log { get; } = [];

    /// <summary>
    /// The rebuilt metric geometry of each member (an entry is <c>null</c> for a member left as it was); the array is
    /// <c>null</c> when the coverage needed no change.
    /// </summary>
    public Geometry?[]? Rebuilt { get; private set; }

    /// <summary>Runs the steps; <paramref name="parentMetric"/> is the parent's cleaned outline in the metric plane, or null.</summary>
    public static CoverageJob Run(CleanContext context, Coverage coverage, int[] indices, Geometry? parentMetric)
    {
        var parent = parentMetric is null ? null : OnGrid(parentMetric, context.Precision);
        var job = new CoverageJob(context, coverage, indices, parent);
        var repaired = job.RepairMembers();
        var ledger = SegmentLedger.Of(job.geometries, parent, context.Precision.Scale);
        if (repaired.Count == 0 && (parent is null ? indices.Length == 1 : ledger.IsExactTiling))
        {
            return job;
        }
        //-- only members with unmatched segments can bound a gap or an overlap; the others stay as they are
        var dirty = new SortedSet<int>(ledger.DirtyMembers);
        dirty.UnionWith(repaired);
        var withParent = ledger.ParentDirty ? parent : null;
        while (true)
        {
            job.active = [.. dirty];
            var graph = FaceGraph.Build([.. job.active.Select(m => job.geometries[m])], withParent, context.Precision, context.Factory);
            var (split, touched) = job.SplitSegments(graph, dirty);
            if (touched.Count > 0)
            {
                //-- a node fell on an edge a clean member shares: that member must take the node too
                dirty.UnionWith(touched);
                continue;
            }
            var owners = job.AssignFaces(graph.Faces, withParent is not null);
            if (repaired.Count > 0 || job.Log.Count > 0 || split)
            {
                job.Rebuilt = job.RebuildMembers(graph.Faces, owners);
            }
            return job;
        }
    }

    /// <summary>
    /// Whether noding split or moved any segment of the active members, and which clean members share such a segment.
    /// </summary>
    private (bool Split, HashSet<int> Touched) SplitSegments(FaceGraph graph, SortedSet<int> dirty)
    {
        var scale = context.Precision.Scale;
        var missing = new HashSet<SegmentKey>();
        foreach (var m in active)
        {
            foreach (var s in RingWalker.InteriorLeftSegments(geometries[m], scale))
            {
                if (!graph.HasEdge(s))
                {
                    missing.Add(s.Canonical);
                }
            }
        }
        var touched = new HashSet<int>();
        if (missing.Count > 0)
        {
            for (var m = 0; m < geometries.Length; m++)
            {
                if (!dirty.Contains(m) && RingWalker.InteriorLeftSegments(geometries[m], scale).Any(s => missing.Contains(s.Canonical)))
                {
                    touched.Add(m);
                }
            }
        }
        return (missing.Count > 0, touched);
    }

    private static Geometry OnGrid(Geometry g, PrecisionModel precision)
    {
        var snapped = GridSnapper.Snap(g, precision, out _, out _, out _);
        return GridSnapper.DropCollapsedRings(snapped, out _);
    }

    /// <summary>Snaps each member to the grid and repairs the invalid ones (NTS GeometryFixer, then the grid again).</summary>
    private List<int> RepairMembers()
    {
        var any = new List<int>();
        for (var m = 0; m < indices.Length; m++)
        {
            var kept = OnGrid(context.Metric[indices[m]], context.Precision);
            var validity = new IsValidOp(kept);
            if (!validity.IsValid)
            {
                var error = validity.ValidationError;
                var fixedGeometry = Polygons(GeometryPrecisionReducer.Reduce(GeometryFixer.Fix(kept), context.Precision));
                var before = AreaOfValidParts(kept);
                var delta = fixedGeometry.Area - before;
                var at = context.Factory.CreatePoint(error.Coordinate.Copy());
                var division = coverage.Divisions[m];
                Log.Add(new CleanChange(CleanChangeKind.Repaired, coverage.Level, coverage.ParentCode,
                    [division.Code], [indices[m]], [], division.Code, indices[m], delta, 0, 0, context.ToInput(at),
                    string.Create(CultureInfo.InvariantCulture,
                        $"{division.Code} {division.Name}: {error.Message} at ({error.Coordinate.X:0.###}, {error.Coordinate.Y:0.###}) repaired with GeometryFixer; parts {kept.NumGeometries} -> {fixedGeometry.NumGeometries}")));
                kept = fixedGeometry;
                any.Add(m);
            }
            geometries[m] = kept;
            areas[m] = kept.Area;
        }
        return any;
    }

    /// <summary>The area of a possibly invalid geometry, as the sum of its rings' shoelace areas (shells minus holes).</summary>
    private static double AreaOfValidParts(Geometry g)
    {
        var total = 0.0;
        foreach (var (ring, left) in RingWalker.Rings(g))
        {
            var a = NetTopologySuite.Algorithm.Area.OfRingSigned(ring);
            total += left ? -a : a;
        }
        return total;
    }

    private Geometry Polygons(Geometry g)
    {
        if (g is Polygon or MultiPolygon)
        {
            return g;
        }
        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : context.Factory.CreateMultiPolygon(polygons);
    }

    private Geometry?[] RebuildMembers(List<Face> faces, int[] owners)
    {
        var result = new Geometry?[indices.Length];
        var byOwner = active.ToDictionary(m => m, _ => new List<Geometry>());
        for (var f = 0; f < faces.Count; f++)
        {
            if (owners[f] >= 0)
            {
                byOwner[owners[f]].Add(faces[f].Polygon);
            }
        }
        foreach (var (m, mine) in byOwner)
        {
            result[m] = mine.Count switch
            {
                0 => context.Factory.CreatePolygon(),
                1 => mine[0],
                _ => NetTopologySuite.Coverage.CoverageUnion.Union([.. mine]),
            };
        }
        return result;
    }

    private ImmutableArray<string> Codes(IEnumerable<int> members) => [.. members.Select(m => coverage.Divisions[m].Code)];

    private ImmutableArray<int> Indices(IEnumerable<int> members) => [.. members.Select(m => indices[m])];
}
