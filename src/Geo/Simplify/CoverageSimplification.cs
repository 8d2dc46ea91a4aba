using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Simplify;

/// <summary>
/// Simplifies boundaries for publishing so that shared edges stay shared: each level is handed to NTS
/// <see cref="CoverageSimplifier"/> as one coverage in the Gauss-Krüger plane, which simplifies every edge between two
/// divisions once (Visvalingam-Whyatt with a topology check) and keeps the nodes where three divisions meet. Levels are
/// simplified independently, so a district's outline and its townships' outer edges may drop different vertices.
/// </summary>
/// <remarks>The input should be a clean coverage (see <see cref="Clean.CoverageCleaner"/>): CoverageSimplifier keeps
/// shared edges shared only where they matched exactly to begin with.</remarks>
public static class CoverageSimplification
{
    /// <summary>Simplifies every level of <paramref name="set"/>; the input is not changed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not a number.</exception>
    public static SimplifyResult Simplify(DivisionSet set, SimplifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ToleranceMeters);
        if (double.IsNaN(options.ToleranceMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the tolerance is not a number");
        }
        var before = set.VertexCount();
        if (set.Divisions.IsEmpty)
        {
            return new SimplifyResult(set, options.MetricCrs ?? set.Crs, 0, 0);
        }
        var metric = options.MetricCrs ?? (set.Crs.Kind == CrsKind.GaussKruger ? set.Crs
            : GaussKrugerZone.MetricCrsFor(set.Divisions.Select(d => CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000).Transform(d.Geometry))));
        var toMetric = CoordinateTransformer.Create(set.Crs, metric);
        var back = CoordinateTransformer.Create(metric, set.Crs);
        var output = set.Divisions.ToBuilder();
        foreach (var level in set.Divisions.Select(d => d.Level).Distinct())
        {
            var members = Enumerable.Range(0, set.Divisions.Length).Where(i => set.Divisions[i].Level == level).ToArray();
            var geometries = members.Select(i => set.Crs == metric ? set.Divisions[i].Geometry : toMetric.Transform(set.Divisions[i].Geometry)).ToArray();
            var simplified = CoverageSimplifier.Simplify(geometries, options.ToleranceMeters);
            for (var k = 0; k < members.Length; k++)
            {
                var g = simplified[k];
                output[members[k]] = set.Divisions[members[k]] with { Geometry = set.Crs == metric ? WithSrid(g, metric) : back.Transform(g) };
            }
        }
        var result = set with { Divisions = output.MoveToImmutable() };
        return new SimplifyResult(result, metric, before, result.VertexCount());
    }

    private static Geometry WithSrid(Geometry g, CrsCode crs)
    {
        //-- a copy: the simplifier may hand back an input geometry, which must not change
        var copy = g.Copy();
        copy.SRID = crs.Epsg;
        return copy;
    }
}
