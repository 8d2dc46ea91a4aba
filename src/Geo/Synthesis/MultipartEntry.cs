using System.Collections.Immutable;

namespace Boundaries.Geo.Synthesis;

/// <summary>A legitimate multi-part township: its code, how many parts, and the area of each (largest first).</summary>
/// <param name="Code">The township's code.</param>
/// <param name="PartCount">Number of polygons.</param>
/// <param name="AreasM2">Planar area of each part in square metres, largest first.</param>
/// <param name="Kind"><c>island</c> (a detached part inside one neighbour) or <c>detached_at_district_edge</c>.</param>
public sealed record MultipartEntry(string Code, int PartCount, ImmutableArray<double> AreasM2, string Kind);
