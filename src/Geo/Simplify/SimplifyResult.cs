using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Simplify;

/// <summary>What <see cref="CoverageSimplification.Simplify(DivisionSet, SimplifyOptions)"/> returns.</summary>
/// <param name="Simplified">The divisions in the input's order and coordinate system.</param>
/// <param name="MetricCrs">The Gauss-Krüger system the tolerance was applied in.</param>
/// <param name="VerticesBefore">Coordinates in the input.</param>
/// <param name="VerticesAfter">Coordinates in the output.</param>
public sealed record SimplifyResult(DivisionSet Simplified, CrsCode MetricCrs, long VerticesBefore, long VerticesAfter);
