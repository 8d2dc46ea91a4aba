using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

internal static partial class LatticeInjector
{
    /// <summary>Manifest entries for the enclave-class paintings (the legitimate multi-parts are listed separately).</summary>
    public static IEnumerable<InjectedDefect> Describe(List<LatticeInjection> injections, Lattice l, DistrictPlan plan, List<Division> townships)
    {
        foreach (var inj in injections.Where(i => !i.IsLegitimateMultipart))
        {
            var focus = new Coordinate(l.CentreX(inj.Focus.I), l.CentreY(inj.Focus.J));
            var point = CityGenerator.Factory.CreatePoint(focus);
            var owner = plan.Codes[inj.Owner];
            var host = plan.Codes[inj.Host];
            var wkt = point.AsText();
            yield return inj.Kind switch
            {
                DefectClasses.CounterEnclave => new InjectedDefect(inj.Kind, [host, owner], wkt,
                    AreaM2: Area(PieceAt(townships, host, point)),
                    Note: $"a part of {host} inside an enclave of {owner}, which lies inside {host}"),
                DefectClasses.PracticalEnclaveNeck => new InjectedDefect(inj.Kind, [owner, host],
                    CityGenerator.Factory.CreatePoint(new Coordinate((inj.Neck!.Value.XMin + inj.Neck.Value.XMax) / 2, inj.Neck.Value.YCentre)).AsText(),
                    AreaM2: null, WidthM: 2 * NeckHalfWidthMeters, LengthM: l.S,
                    Note: $"a lobe of {owner} joined to it through a neck about {2 * NeckHalfWidthMeters} m wide, running east-west; the point is the neck's middle, the lobe is {3 * l.S} m east"),
                DefectClasses.ManagementEnclave => new InjectedDefect(inj.Kind, [owner, host], wkt,
                    AreaM2: Area(PieceAt(townships, owner, point)),
                    Note: $"a detached part of {owner} managed by {host} (attribute management={host} on {owner})"),
                DefectClasses.SurroundedDivision => new InjectedDefect(inj.Kind, [owner, host], wkt,
                    AreaM2: Area(PieceAt(townships, owner, point)),
                    Note: $"township {owner} borders only {host}"),
                DefectClasses.DistrictEnclave => new InjectedDefect(inj.Kind, [owner, host], wkt,
                    AreaM2: Area(PieceAt(townships, owner, point)),
                    Note: $"a detached part of {owner} (district {owner[..6]}) inside {host} (district {host[..6]}): an enclave of district {owner[..6]} too"),
                DefectClasses.DistrictEnclaveTownship => new InjectedDefect(inj.Kind, [owner, host], wkt,
                    AreaM2: Area(PieceAt(townships, owner, point)),
                    Note: $"township {owner} of district {owner[..6]} lies wholly inside {host} (district {host[..6]}): an enclave of district {owner[..6]}"),
                _ => new InjectedDefect(inj.Kind, [owner, host], wkt,
                    AreaM2: Area(PieceAt(townships, owner, point)),
                    Note: $"a detached part of {owner} cut out of {host}"),
            };
        }
    }

    /// <summary>The legitimate multi-part townships of the clean city.</summary>
    public static IEnumerable<MultipartEntry> DescribeMultipart(List<LatticeInjection> injections, DistrictPlan plan, List<Division> townships)
    {
        foreach (var inj in injections.Where(i => i.IsLegitimateMultipart))
        {
            var code = plan.Codes[inj.Owner];
            var g = townships.First(t => t.Code == code).Geometry;
            var areas = Enumerable.Range(0, g.NumGeometries).Select(k => Math.Round(g.GetGeometryN(k).Area, 2)).OrderDescending();
            yield return new MultipartEntry(code, g.NumGeometries, [.. areas], inj.Kind);
        }
    }

    /// <summary>Adds the <c>management</c> attribute to a township part of which another township manages.</summary>
    public static Division Annotate(Division division, int label, DistrictPlan plan) =>
        plan.ManagedBy.TryGetValue(label, out var manager)
            ? division with { Attributes = division.Attributes.SetItem("management", plan.Codes[manager]) }
            : division;

    private static Geometry? PieceAt(List<Division> townships, string code, Point p)
    {
        var g = townships.First(t => t.Code == code).Geometry;
        for (var k = 0; k < g.NumGeometries; k++)
        {
            if (g.GetGeometryN(k).Contains(p))
            {
                return g.GetGeometryN(k);
            }
        }
        return null;
    }

    private static double? Area(Geometry? g) => g is null ? null : Math.Round(g.Area, 2);
}
