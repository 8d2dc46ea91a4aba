using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>What <see cref="EnclaveFinder"/> looks for.</summary>
public sealed record EnclaveOptions
{
    /// <summary>Defaults: every level, no neck test, no roads, the <c>management</c> attribute.</summary>
    public static EnclaveOptions Default { get; } = new();

    /// <summary>Only this level; null (default) = every level present.</summary>
    public DivisionLevel? Level { get; init; }

    /// <summary>Neck width W in metres: a lobe joined to the main part through a passage narrower than W is a
    /// practical enclave. Null (default) turns the test off.</summary>
    public double? NeckWidthMeters { get; init; }

    /// <summary>Road lines in the set's CRS (practical enclave by access); null (default) = no test.</summary>
    public Geometry? Roads { get; init; }

    /// <summary>Water polygons in the set's CRS: a detached part touching water counts as touching the outer edge.</summary>
    public Geometry? Water { get; init; }

    /// <summary>Seat points by division code, in the set's CRS: the part holding the seat is the main part.</summary>
    public ImmutableDictionary<string, Point> Seats { get; init; } = ImmutableDictionary<string, Point>.Empty;

    /// <summary>Attribute that names the managing unit of a division's detached parts; default <c>management</c>.</summary>
    public string ManagementAttribute { get; init; } = "management";

    /// <summary>Management zones (geometry in the set's CRS, code of the managing unit); empty by default.</summary>
    public ImmutableArray<ManagementZone> ManagementZones { get; init; } = [];

    /// <summary>Address points that carry the unit actually managing them (set's CRS): the points of a division managed
    /// by another give a management enclave (the hull of those points, 50 m around, within the division). Empty by default.</summary>
    public ImmutableArray<ManagedPoint> ManagementPoints { get; init; } = [];

    /// <summary>Pieces smaller than this (ellipsoidal, m²) are not reported; default 1 m².</summary>
    public double MinimumAreaSquareMeters { get; init; } = 1;

    internal void Check()
    {
        if (NeckWidthMeters is { } w && !(w > 0 && double.IsFinite(w)))
        {
            throw new ArgumentOutOfRangeException(nameof(NeckWidthMeters), w, "neck width must be a positive number of metres");
        }
        if (!(MinimumAreaSquareMeters >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumAreaSquareMeters), MinimumAreaSquareMeters, "must be ≥ 0");
        }
    }
}

/// <summary>A zone managed by <paramref name="Manager"/> (geometry in the set's CRS).</summary>
public sealed record ManagementZone(Geometry Geometry, string Manager);

/// <summary>An address point (set's CRS) and the code of the unit that manages it.</summary>
public sealed record ManagedPoint(Point Location, string Manager);
