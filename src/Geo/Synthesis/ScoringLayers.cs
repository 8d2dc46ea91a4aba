using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// The layers enclave scoring needs, generated over a sample city (<see cref="ScoringLayersGenerator"/>), in
/// <see cref="Crs"/>: roads, a river, address points with households, people and the unit that manages them,
/// facilities, and the ground truth of the access and management enclaves built in.
/// </summary>
/// <param name="Crs">The CRS of every geometry (the city's, or lon/lat after <see cref="In"/>).</param>
/// <param name="Roads">Road centre lines.</param>
/// <param name="River">The river's centre line.</param>
/// <param name="Addresses">Address points.</param>
/// <param name="Facilities">Facilities (schools, clinics …).</param>
/// <param name="Truth">The enclaves built in on purpose.</param>
public sealed record ScoringLayers(
    CrsCode Crs,
    ImmutableArray<LineString> Roads,
    LineString River,
    ImmutableArray<AddressPoint> Addresses,
    ImmutableArray<Facility> Facilities,
    ScoringTruth Truth)
{
    /// <summary>Roads and river as one geometry (what the new boundary may follow).</summary>
    public Geometry Lines(GeometryFactory factory) => factory.BuildGeometry([.. Roads, River]);

    /// <summary>The same layers in another CRS (ground-truth locations too).</summary>
    public ScoringLayers In(CrsCode target)
    {
        if (target == Crs)
        {
            return this;
        }
        var t = CoordinateTransformer.Create(Crs, target);
        return new ScoringLayers(target,
            [.. Roads.Select(r => (LineString)t.Transform(r))],
            (LineString)t.Transform(River),
            [.. Addresses.Select(a => a with { Location = (Point)t.Transform(a.Location) })],
            [.. Facilities.Select(f => f with { Location = (Point)t.Transform(f.Location) })],
            Truth with
            {
                Access = [.. Truth.Access.Select(a => a with { Location = (Point)t.Transform(a.Location) })],
            });
    }
}

/// <summary>An address point: households and people living there, the legal township it lies in and the unit that actually manages it.</summary>
public sealed record AddressPoint(Point Location, int Households, int People, string LegalCode, string ManagerCode);

/// <summary>A facility of a kind (school, clinic, police, market), in the township <paramref name="LegalCode"/>.</summary>
public sealed record Facility(Point Location, string Kind, string LegalCode);

/// <summary>Ground truth of the enclaves built into the layers (township level).</summary>
/// <param name="Access">Practical enclaves by access: a road cluster inside <c>Owner</c> reached only from <c>Via</c>.</param>
/// <param name="Management">Management enclaves: address points of <c>Legal</c> managed by <c>Manager</c>.</param>
public sealed record ScoringTruth(ImmutableArray<AccessEnclaveTruth> Access, ImmutableArray<ManagementEnclaveTruth> Management);

/// <summary>A road cluster at <paramref name="Location"/> inside <paramref name="Owner"/>, reached only through <paramref name="Via"/>.</summary>
public sealed record AccessEnclaveTruth(string Owner, string Via, Point Location);

/// <summary><paramref name="Points"/> address points of <paramref name="Legal"/> managed by <paramref name="Manager"/>.</summary>
public sealed record ManagementEnclaveTruth(string Legal, string Manager, int Points);
