using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>Road-following variants (not yet).</summary>
internal static class FollowOptions
{
    public static IEnumerable<EnclaveResolution> For(OptionContext ctx, IReadOnlyList<EnclaveFinding> findings, IReadOnlyList<EnclaveResolution> options, double tolerance) => [];
}
