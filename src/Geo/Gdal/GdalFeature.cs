using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Gdal;

/// <summary>One feature read through GDAL.</summary>
/// <param name="Index">0-based position in the layer's reading order.</param>
/// <param name="Fid">GDAL's feature id (-1 when the driver has none).</param>
/// <param name="Geometry">
/// The geometry in the layer's coordinates with x = longitude / easting (curves linearised); <c>null</c> when the
/// feature has none. A new object owned by the caller.
/// </param>
/// <param name="Attributes">
/// Field values in field order, as <c>string</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>DateOnly</c>,
/// <c>DateTime</c> (whole seconds; kind UTC when the file flags the time as UTC, else unspecified) or <c>null</c> (unset or null); lists and times as GDAL's text.
/// </param>
public sealed record GdalFeature(long Index, long Fid, Geometry? Geometry, ImmutableArray<KeyValuePair<string, object?>> Attributes);
