using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Measure;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Noding;
using NetTopologySuite.Noding.Snapround;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Finds gaps, overlaps, slivers, near-miss edges and pieces outside the parent in one coverage: nodes the unmatched
/// segments of the <see cref="SegmentIndex"/> on the 1 mm grid, polygonizes them, and classifies each face by how
/// many members contain an interior point of it (0 = gap, 1 = clean, 2+ = overlap) and whether the parent does.
/// Narrow pieces of one displaced stretch are then merged into one finding (see <see cref="MergeNarrow"/>).
/// </summary>
internal sealed partial class CoverageFaces
{
    private readonly CoverageInput _input;
    private readonly ValidationRules _rules;
    private readonly IndexedPointInAreaLocator?[] _locators;
    private readonly STRtree<int> _memberTree = new();
    private readonly STRtree<SegmentIndex.Unmatched> _segmentTree = new();
    private readonly IndexedPointInAreaLocator? _parentLocator;

    private CoverageFaces(CoverageInput input, ValidationRules rules)
    {
        _input = input;
        _rules = rules;
        _locators = new IndexedPointInAreaLocator?[input.Members.Count];
        for (var i = 0; i < input.Members.Count; i++)
        {
            _memberTree.Insert(input.Members[i].EnvelopeInternal, i);
        }
        _memberTree.Build();
        _parentLocator = input.Parent is { } parent ? new IndexedPointInAreaLocator(parent) : null;
    }

    /// <summary>The findings of one coverage.</summary>
    public static List<Finding> Find(CoverageInput input, ValidationRules rules)
    {
        var geometries = input.Members.ToList();
        var signs = Enumerable.Repeat(1, geometries.Count).ToList();
        if (input.Parent is { } parent)
        {
            geometries.Add(parent);
            signs.Add(-1);
        }
        if (input.Members.Count == 1 && input.Parent is null)
        {
            return []; // one division and no parent: nothing to overlap, and its own holes are not gaps between divisions
        }
        var unmatched = SegmentIndex.Find(geometries, signs);
        if (unmatched.Count == 0)
        {
            return [];
        }
        return new CoverageFaces(input, rules).Classify(unmatched);
    }

    private List<Finding> Classify(List<SegmentIndex.Unmatched> unmatched)
    {
        foreach (var u in unmatched)
        {
            _segmentTree.Insert(new Envelope(u.A, u.B), u);
        }
        _segmentTree.Build();
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(Noded(unmatched));
        var findings = new List<Finding>();
        foreach (var geometry in polygonizer.GetPolygons())
        {
            var face = (Polygon)geometry;
            if (face.Area < _rules.MinimumPieceAreaSquareMeters)
            {
                continue;
            }
            if (ClassifyFace(face) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return MergeNarrow(findings);
    }

    /// <summary>
    /// The unmatched segments as the polygonizer needs them: noded, with coincident pieces merged. They already share
    /// their grid endpoints exactly, so only segments that cross, overlap or touch another in its interior (found with
    /// a fast monotone-chain pass) are snap-rounded on the 1 mm grid; the rest pass through as they are.
    /// </summary>
    private static List<Geometry> Noded(List<SegmentIndex.Unmatched> unmatched)
    {
        var f = MetricFrame.MetricFactory;
        var strings = new List<ISegmentString>(unmatched.Count);
        for (var k = 0; k < unmatched.Count; k++)
        {
            strings.Add(new NodedSegmentString(new[] { unmatched[k].A, unmatched[k].B }, k));
        }
        var detector = new InteriorIntersections();
        new MCIndexNoder(detector).ComputeNodes(strings);
        var seen = new HashSet<(double, double, double, double)>();
        var result = new List<Geometry>(unmatched.Count);
        void Add(Coordinate a, Coordinate b)
        {
            var key = a.X < b.X || (a.X == b.X && a.Y < b.Y) ? (a.X, a.Y, b.X, b.Y) : (b.X, b.Y, a.X, a.Y);
            if (!a.Equals2D(b) && seen.Add(key))
            {
                result.Add(f.CreateLineString([a.Copy(), b.Copy()]));
            }
        }
        var involved = detector.Involved;
        for (var k = 0; k < unmatched.Count; k++)
        {
            if (!involved.Contains(k))
            {
                Add(unmatched[k].A, unmatched[k].B);
            }
        }
        if (involved.Count > 0)
        {
            var noder = new SnapRoundingNoder(f.PrecisionModel);
            noder.ComputeNodes(involved.Select(k => (ISegmentString)new NodedSegmentString(new[] { unmatched[k].A, unmatched[k].B }, k)).ToList());
            foreach (var s in noder.GetNodedSubstrings())
            {
                var c = s.Coordinates;
                for (var i = 0; i + 1 < c.Length; i++)
                {
                    Add(c[i], c[i + 1]);
                }
            }
        }
        return result;
    }

    /// <summary>Collects the segments (by context index) that meet another anywhere but at a shared endpoint.</summary>
    private sealed class InteriorIntersections : ISegmentIntersector
    {
        private readonly NetTopologySuite.Algorithm.RobustLineIntersector _li = new();

        public HashSet<int> Involved { get; } = [];

        public bool IsDone => false;

        public void ProcessIntersections(ISegmentString e0, int segIndex0, ISegmentString e1, int segIndex1)
        {
            if (ReferenceEquals(e0, e1))
            {
                return;
            }
            var (a0, a1) = (e0.Coordinates[segIndex0], e0.Coordinates[segIndex0 + 1]);
            var (b0, b1) = (e1.Coordinates[segIndex1], e1.Coordinates[segIndex1 + 1]);
            _li.ComputeIntersection(a0, a1, b0, b1);
            if (_li.HasIntersection && (_li.IntersectionNum == 2 || _li.IsInteriorIntersection()))
            {
                Involved.Add((int)e0.Context);
                Involved.Add((int)e1.Context);
            }
        }
    }

    private Finding? ClassifyFace(Polygon face)
    {
        var (p, containing) = Sample(face);
        var inParent = _parentLocator is null || _parentLocator.Locate(p) == Location.Interior;
        if (containing.Count == 1 && inParent)
        {
            return null;
        }
        if (_parentLocator is not null && !inParent)
        {
            if (containing.Count == 0)
            {
                return null; // a hole of the parent, outside the coverage too
            }
            var codes = containing.Select(i => _input.Codes[i]).Append(_input.ParentCode!).Concat(_input.OtherCoverages(p)).ToList();
            return Piece(FindingCode.OutsideParent, face, codes, null, width: null);
        }
        if (containing.Count >= 2)
        {
            return ByWidth(FindingCode.Overlap, face, containing.Select(i => _input.Codes[i]).ToList());
        }
        var touching = Touching(face, out var touchesParent);
        var width = Width(face);
        if (_parentLocator is null && width > _rules.GapWidthMeters)
        {
            return null; // a wide hole in a coverage with no parent geometry: taken as legitimate
        }
        var code = touchesParent ? FindingCode.GapOpenToOutside : FindingCode.Gap;
        if (touchesParent)
        {
            touching.Add(_input.ParentCode!);
        }
        return ByWidth(code, face, touching, width);
    }

    private Finding? ByWidth(FindingCode code, Polygon face, List<string> codes, double? knownWidth = null)
    {
        var width = knownWidth ?? Width(face);
        var narrowCode = width <= _rules.NearMissToleranceMeters ? FindingCode.NearMissEdge
            : width <= _rules.SliverWidthMeters ? FindingCode.Sliver : code;
        return Piece(narrowCode, face, codes, code, width);
    }

    private Finding? Piece(FindingCode code, Polygon face, List<string> codes, FindingCode? wide, double? width)
    {
        if (!_rules.IsOn(code))
        {
            return null;
        }
        var location = _input.Frame.ToLonLat(face);
        var area = EllipsoidalMeasure.AreaSquareMeters(location);
        var divisions = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var names = string.Join(", ", divisions);
        var kind = wide == FindingCode.Overlap ? "overlap" : "gap";
        var (measure, unit, message) = code switch
        {
            FindingCode.NearMissEdge => (Round(width!.Value), "m", $"edges of {names} miss each other by up to {width:0.###} m ({kind} of {area:0.##} m² along {face.Length / 2:0.#} m)"),
            FindingCode.Sliver => (Round(width!.Value), "m", $"sliver {kind} up to {width:0.###} m wide between {names} ({area:0.##} m²)"),
            FindingCode.OutsideParent => (Round(area), "m2", $"{names}: {area:0.##} m² outside the parent {_input.ParentCode}"),
            FindingCode.Overlap => (Round(area), "m2", $"{names} overlap by {area:0.##} m² (up to {width:0.##} m wide)"),
            FindingCode.GapOpenToOutside => (Round(area), "m2", $"gap of {area:0.##} m² between {names} reaching the edge of the parent (up to {width:0.##} m wide)"),
            _ => (Round(area), "m2", $"gap of {area:0.##} m² between {names} (up to {width:0.##} m wide)"),
        };
        var zhKind = FindingDetails.ChineseKind(kind);
        var detail = code switch
        {
            FindingCode.NearMissEdge => FindingDetail.Of("near_miss", names, width!.Value.ToString("0.###", CultureInfo.InvariantCulture), zhKind, area.ToString("0.##", CultureInfo.InvariantCulture), (face.Length / 2).ToString("0.#", CultureInfo.InvariantCulture)),
            FindingCode.Sliver => FindingDetail.Of("sliver", names, zhKind, width!.Value.ToString("0.###", CultureInfo.InvariantCulture), area.ToString("0.##", CultureInfo.InvariantCulture)),
            FindingCode.OutsideParent => FindingDetail.Of("outside_parent", names, area.ToString("0.##", CultureInfo.InvariantCulture), _input.ParentCode ?? ""),
            FindingCode.Overlap => FindingDetail.Of("overlap", names, area.ToString("0.##", CultureInfo.InvariantCulture), (width ?? 0).ToString("0.##", CultureInfo.InvariantCulture)),
            FindingCode.GapOpenToOutside => FindingDetail.Of("gap_open", names, area.ToString("0.##", CultureInfo.InvariantCulture), (width ?? 0).ToString("0.##", CultureInfo.InvariantCulture)),
            _ => FindingDetail.Of("gap", names, area.ToString("0.##", CultureInfo.InvariantCulture), (width ?? 0).ToString("0.##", CultureInfo.InvariantCulture)),
        };
        var cascade = CascadesFrom(face);
        // Set aside as a warning: a piece that is what repairing an invalid ring left is not a second defect.
        var finding = cascade is { } invalid
            ? new Finding(code, Severity.Warning, divisions, location, measure, unit, message + $" (follows from the invalid geometry of {invalid})", detail with { CascadesFrom = invalid })
            : new Finding(code, Severity.Error, divisions, location, measure, unit, message, detail);
        if (code is FindingCode.NearMissEdge or FindingCode.Sliver)
        {
            _narrow[finding] = new NarrowPiece(face, kind, area, cascade);
        }
        return finding;
    }

    /// <summary>The code of an invalid member whose invalid point lies at or next to the face (within the face's own size).</summary>
    private string? CascadesFrom(Polygon face)
    {
        for (var i = 0; i < _input.InvalidAt.Count; i++)
        {
            if (_input.InvalidAt[i] is { } at && face.Distance(MetricFrame.MetricFactory.CreatePoint(at)) <= Math.Sqrt(face.Area) + 1)
            {
                return _input.Codes[i];
            }
        }
        return null;
    }

    private static double Round(double v) => Math.Round(v, 3);

    /// <summary>Twice the radius of the largest circle inside the face: its greatest width.</summary>
    private static double Width(Polygon face)
    {
        // The tolerance follows the mean width (2 × area / perimeter) so long thin pieces need few refinements.
        var tolerance = Math.Max(0.0005, 2 * face.Area / face.Length * 0.25);
        return 2 * new MaximumInscribedCircle(face, tolerance).GetRadiusLine().Length;
    }

    /// <summary>
    /// A point inside the face and on no member's boundary, with the members containing it. Matched (cancelled)
    /// edges run through faces, and the face's interior point can fall on one (the centre of four squares): then the
    /// point is nudged by a few millimetres, more each round, until it is clear of every boundary.
    /// </summary>
    private (Coordinate Point, List<int> Members) Sample(Polygon face)
    {
        var p = face.InteriorPoint.Coordinate;
        if (Containing(p) is { } members && (_parentLocator?.Locate(p) ?? Location.Interior) != Location.Boundary)
        {
            return (p, members);
        }
        var inFace = new IndexedPointInAreaLocator(face);
        for (var scale = 0.001; scale < 1e4; scale *= 3)
        {
            foreach (var (dx, dy) in Nudges)
            {
                var q = new Coordinate(p.X + dx * scale, p.Y + dy * scale);
                if (inFace.Locate(q) == Location.Interior && Containing(q) is { } found && (_parentLocator?.Locate(q) ?? Location.Interior) != Location.Boundary)
                {
                    return (q, found);
                }
            }
        }
        return (p, []);
    }

    private static readonly (double, double)[] Nudges = [(3.7, 1.1), (-2.9, 4.1), (-4.3, -1.7), (1.3, -3.9), (0.7, 2.3), (-1.9, -0.6)];

    /// <summary>The members containing <paramref name="p"/> in their interior; null when it lies on a member's boundary.</summary>
    private List<int>? Containing(Coordinate p)
    {
        var result = new List<int>(2);
        foreach (var i in _memberTree.Query(new Envelope(p)))
        {
            var locator = _locators[i] ??= new IndexedPointInAreaLocator(_input.Members[i]);
            switch (locator.Locate(p))
            {
                case Location.Interior:
                    result.Add(i);
                    break;
                case Location.Boundary:
                    return null;
            }
        }
        result.Sort();
        return result;
    }

    /// <summary>The members whose unmatched segments bound the face along a stretch (not at a point).</summary>
    private List<string> Touching(Polygon face, out bool touchesParent)
    {
        var owners = new HashSet<int>();
        var ring = face.ExteriorRing.Coordinates;
        for (var k = 0; k + 1 < ring.Length; k++)
        {
            var mid = new Coordinate((ring[k].X + ring[k + 1].X) / 2, (ring[k].Y + ring[k + 1].Y) / 2);
            var box = new Envelope(mid);
            box.ExpandBy(0.002);
            foreach (var s in _segmentTree.Query(box))
            {
                if (NetTopologySuite.Algorithm.DistanceComputer.PointToSegment(mid, s.A, s.B) <= 0.002)
                {
                    owners.Add(s.Owner);
                }
            }
        }
        var parentIndex = _input.Members.Count;
        touchesParent = owners.Remove(parentIndex);
        return [.. owners.Order().Select(i => _input.Codes[i])];
    }
}
