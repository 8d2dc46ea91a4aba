namespace Boundaries.Geo.Enclaves;

/// <summary>Which candidate resolutions <see cref="EnclaveResolver"/> offers beyond keep and whole-part transfers.</summary>
public sealed record ResolverSettings
{
    /// <summary>Corridors up to 200 m long and 20 m wide, swaps, zone transfers and neck widening; no merges.</summary>
    public static ResolverSettings Default { get; } = new();

    /// <summary>Only keep and whole-part transfers (the options offered before corridors and swaps existed).</summary>
    public static ResolverSettings TransfersOnly { get; } = new() { CorridorMaxMeters = null, Swaps = false, ZoneTransfers = false, WidenNecks = false };

    /// <summary>A detached part whose gap to the owner's main part is at most this many metres may be joined by a
    /// corridor; null turns corridors off. Default 200 m.</summary>
    public double? CorridorMaxMeters { get; init; } = 200;

    /// <summary>Width of a corridor, metres; default 20 m.</summary>
    public double CorridorWidthMeters { get; init; } = 20;

    /// <summary>Pair opposite transfers between the same two divisions into swaps; default on.</summary>
    public bool Swaps { get; init; } = true;

    /// <summary>Offer transfers of zones that are not whole parts (lobe beyond a neck, zone reached by access, managed
    /// zone); default on.</summary>
    public bool ZoneTransfers { get; init; } = true;

    /// <summary>A managed zone that does not reach its manager's division is grown to it (the convex hull of the zone and
    /// the manager's nearest point, within the owner) when the gap is at most this many metres; default 1000 m.</summary>
    public double ManagementReachMeters { get; init; } = 1000;

    /// <summary>Offer widening a neck to the neck width; default on.</summary>
    public bool WidenNecks { get; init; } = true;

    /// <summary>Offer merging a surrounded division into the one around it (ends a code); default off.</summary>
    public bool MergeSurrounded { get; init; }

    /// <summary>When set, an option's new boundary is moved onto a road or river lying within this many metres of it
    /// (the piece grows or shrinks to the line); null (default) = not tried.</summary>
    public double? FollowToleranceMeters { get; init; }

    internal void Check()
    {
        if (CorridorMaxMeters is { } m && !(m > 0 && double.IsFinite(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(CorridorMaxMeters), m, "corridor length must be a positive number of metres");
        }
        if (!(CorridorWidthMeters > 0 && double.IsFinite(CorridorWidthMeters)))
        {
            throw new ArgumentOutOfRangeException(nameof(CorridorWidthMeters), CorridorWidthMeters, "corridor width must be a positive number of metres");
        }
        if (FollowToleranceMeters is { } t && !(t > 0 && double.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(FollowToleranceMeters), t, "follow tolerance must be a positive number of metres");
        }
    }
}
