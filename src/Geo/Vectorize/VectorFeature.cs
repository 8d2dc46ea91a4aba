using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Vectorize;

/// <summary>One feature read by <see cref="LineworkFiles"/>: its geometry (never null) and attributes by field name.</summary>
internal sealed record VectorFeature(long Index, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
