using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// One thing vectorization found or did, tied to a place.
/// </summary>
/// <param name="Code">What it is.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">An English description with the figures (the CLI renders its own localized text from the other fields).</param>
/// <param name="Location">Where, in CGCS2000 lon/lat (EPSG:4490); <c>null</c> when the finding has no place (an unknown raster value).</param>
/// <param name="Codes">The division codes concerned (the labels of a face, the code of a lost label); empty when none.</param>
/// <param name="Measure">A size: metres for line findings, square metres for faces, the pixel count for an unknown raster value.</param>
/// <param name="Value">The raster value for <see cref="VectorizeFindingCode.UnknownRasterValue"/>; otherwise <c>null</c>.</param>
public sealed record VectorizeFinding(
    VectorizeFindingCode Code,
    VectorizeSeverity Severity,
    string Message,
    Geometry? Location,
    ImmutableArray<string> Codes,
    double Measure,
    long? Value = null);
