using System.Collections.Immutable;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// The manifest of a synthetic city (<c>CITY.truth.json</c>): how it was made, its counts, its legitimate
/// multi-part divisions and every injected defect or enclave.
/// </summary>
/// <param name="Seed">The seed.</param>
/// <param name="Size"><c>small</c> or <c>full</c>.</param>
/// <param name="Dirty">True when any injection was switched on.</param>
/// <param name="Crs">The coordinate system of every location: <c>EPSG:4548</c>.</param>
/// <param name="Counts">Divisions per level.</param>
/// <param name="Vertices">Total coordinates in all geometries.</param>
/// <param name="Multipart">Legitimate multi-part townships (present in clean cities too).</param>
/// <param name="Defects">Injections, in the order they were made; empty for a clean city.</param>
public sealed record GroundTruth(
    long Seed,
    string Size,
    bool Dirty,
    string Crs,
    TruthCounts Counts,
    long Vertices,
    ImmutableArray<MultipartEntry> Multipart,
    ImmutableArray<InjectedDefect> Defects);
