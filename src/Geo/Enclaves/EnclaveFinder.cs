using System.Collections.Immutable;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Finds every enclave of a division set, level by level: each division's main part is its largest part (or the
/// part holding its seat); every other part is an exclave, enclave, counter-enclave (order ≥ 2) or semi-enclave by
/// the divisions it shares an edge of positive length with; whole single-part divisions that border only one other
/// are <see cref="EnclaveClass.Surrounded"/>; the management attribute or zones give management enclaves, the neck
/// width practical enclaves by neck, a road layer practical enclaves by access.
/// </summary>
public static class EnclaveFinder
{
    /// <summary>All findings, by level, then owner, then class.</summary>
    /// <exception cref="ArgumentException">The options are out of range or the set's CRS is not lon/lat or Gauss-Krüger.</exception>
    public static ImmutableArray<EnclaveFinding> Find(DivisionSet set, EnclaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= EnclaveOptions.Default;
        options.Check();
        var result = ImmutableArray.CreateBuilder<EnclaveFinding>();
        foreach (var level in DivisionLevels.All)
        {
            if (options.Level is { } only && only != level)
            {
                continue;
            }
            var divisions = set.OfLevel(level).ToList();
            if (divisions.Count == 0)
            {
                continue;
            }
            var frame = MetricFrame.For(set.Crs, divisions.Select(d => d.Geometry));
            var graph = PartGraph.Build(divisions, set.Crs.Kind == Crs.CrsKind.Geographic);
            var context = new FinderContext(level, graph, frame, options);
            context.MarkMainParts();
            result.AddRange(context.DetachedParts());
            result.AddRange(context.Surrounded());
            if (options.NeckWidthMeters is { } width)
            {
                result.AddRange(NeckFinder.Find(context, width));
            }
            if (options.Roads is { } roads)
            {
                result.AddRange(AccessFinder.Find(context, roads));
            }
            if (!options.ManagementPoints.IsDefaultOrEmpty)
            {
                result.AddRange(ManagementPointFinder.Find(context, divisions));
            }
            if (!options.ManagementZones.IsDefaultOrEmpty)
            {
                result.AddRange(ManagementZoneFinder.Find(context, divisions));
            }
        }
        return
        [
            .. result.Where(f => f.AreaSquareMeters >= options.MinimumAreaSquareMeters)
                .OrderBy(f => f.Level).ThenBy(f => f.Owner, StringComparer.Ordinal).ThenBy(f => f.Class).ThenBy(f => f.Evidence.PartIndex),
        ];
    }
}

/// <summary>The per-level state the finders share.</summary>
internal sealed class FinderContext(DivisionLevel level, PartGraph graph, MetricFrame frame, EnclaveOptions options)
{
    public DivisionLevel Level { get; } = level;
    public PartGraph Graph { get; } = graph;
    public MetricFrame Frame { get; } = frame;
    public EnclaveOptions Options { get; } = options;
    public List<PartGraph.Part> Parts => Graph.Parts;

    public Geometry LonLat(Geometry source) => Frame.SourceToLonLat(source);

    public void MarkMainParts()
    {
        foreach (var group in Parts.GroupBy(p => p.Code, StringComparer.Ordinal))
        {
            var main = Options.Seats.TryGetValue(group.Key, out var seat)
                ? group.FirstOrDefault(p => p.Polygon.Covers(seat))
                : null;
            main ??= group.OrderByDescending(p => p.Polygon.Area).ThenBy(p => p.PartIndex).First();
            main.IsMain = true;
        }
    }

    public IEnumerable<EnclaveFinding> DetachedParts()
    {
        var orders = new Dictionary<int, int>();
        foreach (var part in Parts.Where(p => !p.IsMain))
        {
            var borders = part.Borders(Parts);
            var outer = part.OuterMeters + WaterMeters(part);
            var lonLat = LonLat(part.Polygon);
            var area = EllipsoidalMeasure.AreaSquareMeters(lonLat);
            var manager = part.Division.Attributes.GetValueOrDefault(Options.ManagementAttribute)?.ToString();
            EnclaveClass cls;
            var order = 1;
            string? enclosing = null;
            if (borders.Length == 1 && outer <= 0)
            {
                order = OrderOf(part, orders, 0);
                enclosing = borders[0].Code;
                cls = order >= 2 ? EnclaveClass.CounterEnclave : EnclaveClass.Enclave;
            }
            else if (borders.Length == 1)
            {
                cls = EnclaveClass.SemiEnclave;
            }
            else
            {
                cls = EnclaveClass.Exclave;
            }
            var managed = manager is not null && manager != part.Code && borders.Any(b => b.Code == manager);
            if (managed)
            {
                cls = EnclaveClass.Management;
            }
            int partNo = part.PartIndex + 1, parts = part.PartCount;
            var (note, detail) = cls switch
            {
                EnclaveClass.Management => EnclaveNotes.Of("part_managed", partNo, parts, part.Code, manager!),
                EnclaveClass.SemiEnclave => EnclaveNotes.Of("part_semi", partNo, parts, part.Code, borders[0].Code, EnclaveNotes.Number(outer, "0.#")),
                EnclaveClass.Enclave or EnclaveClass.CounterEnclave => EnclaveNotes.Of("part_inside", partNo, parts, part.Code, enclosing!, order),
                _ => borders.Length == 0
                    ? EnclaveNotes.Of("part_alone", partNo, parts, part.Code, EnclaveNotes.Number(outer, "0.#"))
                    : EnclaveNotes.Of("part_borders", partNo, parts, part.Code, string.Join(", ", borders.Select(b => b.Code))),
            };
            yield return new EnclaveFinding(part.Code, [.. borders.Select(b => b.Code)], cls, order, Level, area, lonLat,
                new EnclaveEvidence(borders, outer, part.PartIndex, part.PartCount, enclosing, ManagedBy: managed ? manager : null, Note: note, Detail: detail));
        }
    }

    public IEnumerable<EnclaveFinding> Surrounded()
    {
        foreach (var part in Parts.Where(p => p.IsMain && p.PartCount == 1))
        {
            var borders = part.Borders(Parts);
            if (borders.Length != 1 || part.OuterMeters + WaterMeters(part) > 0)
            {
                continue;
            }
            var lonLat = LonLat(part.Polygon);
            var (note, detail) = EnclaveNotes.Of("surrounded", part.Code, borders[0].Code, EnclaveNotes.Number(borders[0].LengthMeters, "0.#"));
            yield return new EnclaveFinding(part.Code, [borders[0].Code], EnclaveClass.Surrounded, 1, Level,
                EllipsoidalMeasure.AreaSquareMeters(lonLat), lonLat,
                new EnclaveEvidence(borders, 0, part.PartIndex, part.PartCount, borders[0].Code,
                    Note: note, Detail: detail));
        }
    }

    /// <summary>1 inside a main part; one more than the order of the detached part it lies in.</summary>
    private int OrderOf(PartGraph.Part part, Dictionary<int, int> orders, int depth)
    {
        if (orders.TryGetValue(part.Index, out var known))
        {
            return known;
        }
        var others = part.Neighbours.Where(n => Parts[n.Key].Code != part.Code).ToList();
        if (others.Count == 0 || depth > 32)
        {
            return 1;
        }
        var enclosing = Parts[others.MaxBy(n => n.Value).Key];
        var enclosingCodes = enclosing.Neighbours.Keys.Select(k => Parts[k].Code).Where(c => c != enclosing.Code).Distinct().Count();
        var order = enclosing.IsMain || enclosingCodes != 1 ? 1 : OrderOf(enclosing, orders, depth + 1) + 1;
        orders[part.Index] = order;
        return order;
    }

    private double WaterMeters(PartGraph.Part part)
    {
        if (Options.Water is not { } water || !water.EnvelopeInternal.Intersects(part.Polygon.EnvelopeInternal))
        {
            return 0;
        }
        var shared = part.Polygon.Boundary.Intersection(water);
        return shared.IsEmpty ? 0 : EllipsoidalMeasure.LengthMeters(LonLat(shared));
    }
}
