using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Generates the scoring layers over a city, deterministically from the seed: each township's main part gets a hub
/// (interior point) with spokes that stay inside it; neighbouring townships of a district are joined hub to hub where
/// the straight road stays in the two; a river crosses the city west to east; address points spread over every
/// township (households 1–60, 1–4 people per household) and facilities one in ~25 points. Built in on purpose:
/// <see cref="AccessCount"/> practical enclaves by access (a dead-end road from a neighbour's hub into the township,
/// ending in a small loop with addresses, not joined to the township's own roads) and <see cref="ManagementCount"/>
/// management enclaves (address points near a border managed by the neighbour across it).
/// </summary>
public static class ScoringLayersGenerator
{
    /// <summary>Access enclaves built in (fewer when the city has too few township pairs).</summary>
    public const int AccessCount = 3;

    /// <summary>Management enclaves built in.</summary>
    public const int ManagementCount = 3;

    /// <summary>The layers, in the city's CRS (Gauss-Krüger metres).</summary>
    public static ScoringLayers Generate(SyntheticCity city, long seed)
    {
        ArgumentNullException.ThrowIfNull(city);
        var set = city.Divisions;
        var factory = set.Divisions[0].Geometry.Factory;
        var rng = Rng.For(seed, 0x5C0);
        var towns = set.OfLevel(DivisionLevel.Township).GroupBy(d => d.Code, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var mains = towns.ToDictionary(t => t.Code, t => MainPart(t.Geometry));
        var hubs = mains.ToDictionary(m => m.Key, m => m.Value.InteriorPoint);
        var roads = new List<LineString>();
        foreach (var t in towns)
        {
            var main = mains[t.Code];
            var env = main.EnvelopeInternal;
            for (var k = 0; k < 8; k++)
            {
                var end = new Coordinate(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
                var spoke = factory.CreateLineString([hubs[t.Code].Coordinate.Copy(), end]);
                if (main.Covers(spoke))
                {
                    roads.Add(spoke);
                }
            }
        }
        var pairs = new List<(Division A, Division B)>();
        for (var i = 0; i < towns.Count; i++)
        {
            for (var j = i + 1; j < towns.Count; j++)
            {
                var (a, b) = (towns[i], towns[j]);
                if (a.ParentCode != b.ParentCode || !mains[a.Code].EnvelopeInternal.Intersects(mains[b.Code].EnvelopeInternal))
                {
                    continue;
                }
                var link = factory.CreateLineString([hubs[a.Code].Coordinate.Copy(), hubs[b.Code].Coordinate.Copy()]);
                if (mains[a.Code].Union(mains[b.Code]).Covers(link) && mains[a.Code].Intersection(link) is LineString && mains[b.Code].Intersection(link) is LineString)
                {
                    roads.Add(link);
                    pairs.Add((a, b));
                }
            }
        }
        var access = ImmutableArray.CreateBuilder<AccessEnclaveTruth>();
        var addresses = new List<AddressPoint>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b) in pairs.OrderBy(_ => rng.NextULong()).ToList())
        {
            if (access.Count >= AccessCount || used.Contains(a.Code) || used.Contains(b.Code))
            {
                continue;
            }
            // a dead end from b's hub across the border 300 m into a, ending in a 100 m loop.
            var border = mains[a.Code].Boundary.Intersection(mains[b.Code].Boundary);
            if (border.Length < 800)
            {
                continue;
            }
            var onBorder = border.Centroid.Coordinate;
            var into = Toward(onBorder, hubs[a.Code].Coordinate, 300);
            var loop = factory.CreateLineString([into, new(into.X + 100, into.Y), new(into.X + 100, into.Y + 100), new(into.X, into.Y + 100), into.Copy()]);
            var dead = factory.CreateLineString([hubs[b.Code].Coordinate.Copy(), into.Copy()]);
            var cluster = factory.CreateLineString([onBorder.Copy(), into.Copy()]);
            if (!mains[a.Code].Covers(loop.Buffer(150)) || !mains[a.Code].Union(mains[b.Code]).Covers(dead)
                || roads.Any(r => r.Intersects(cluster.Union(loop).Buffer(5))))
            {
                continue;
            }
            roads.Add(dead);
            roads.Add(loop);
            used.Add(a.Code);
            used.Add(b.Code);
            var location = factory.CreatePoint(new Coordinate(into.X + 50, into.Y + 50));
            access.Add(new AccessEnclaveTruth(a.Code, b.Code, location));
            addresses.Add(new AddressPoint(location, 12, 31, a.Code, a.Code));
        }
        var management = ImmutableArray.CreateBuilder<ManagementEnclaveTruth>();
        var managedNear = new List<(Division Legal, Division Manager, Point Center)>();
        foreach (var (a, b) in pairs.OrderBy(_ => rng.NextULong()).ToList())
        {
            if (managedNear.Count >= ManagementCount || used.Contains(a.Code) || used.Contains(b.Code))
            {
                continue;
            }
            var center = factory.CreatePoint(Toward(mains[a.Code].Boundary.Intersection(mains[b.Code].Boundary).Centroid.Coordinate, hubs[a.Code].Coordinate, 250));
            if (!mains[a.Code].Covers(center.Buffer(220)))
            {
                continue;
            }
            used.Add(a.Code);
            used.Add(b.Code);
            managedNear.Add((a, b, center));
        }
        foreach (var t in towns)
        {
            var whole = t.Geometry.IsValid ? t.Geometry : GeometryFixer.Fix(t.Geometry);
            var env = whole.EnvelopeInternal;
            var count = 0;
            for (var tries = 0; count < 40 && tries < 2000; tries++)
            {
                var p = factory.CreatePoint(new Coordinate(Math.Round(env.MinX + rng.NextDouble() * env.Width, 3), Math.Round(env.MinY + rng.NextDouble() * env.Height, 3)));
                if (!whole.Contains(p))
                {
                    continue;
                }
                count++;
                var households = 1 + rng.NextInt(60);
                addresses.Add(new AddressPoint(p, households, households + rng.NextInt(households * 3 + 1), t.Code, t.Code));
            }
        }
        foreach (var (legal, manager, center) in managedNear)
        {
            for (var k = 0; k < 6; k++)
            {
                var angle = k * Math.PI / 3;
                var p = factory.CreatePoint(new Coordinate(Math.Round(center.X + 120 * Math.Cos(angle), 3), Math.Round(center.Y + 120 * Math.Sin(angle), 3)));
                addresses.Add(new AddressPoint(p, 20 + k, 50 + 3 * k, legal.Code, manager.Code));
            }
            management.Add(new ManagementEnclaveTruth(legal.Code, manager.Code, 6));
        }
        var facilities = addresses.Where((a, i) => i % 25 == 3)
            .Select((a, i) => new Facility(a.Location, (i % 4) switch { 0 => "school", 1 => "clinic", 2 => "police", _ => "market" }, a.LegalCode))
            .ToImmutableArray();
        return new ScoringLayers(set.Crs, [.. roads], River(set, factory, rng), [.. addresses], facilities, new ScoringTruth(access.ToImmutable(), management.ToImmutable()));
    }

    private static Geometry MainPart(Geometry g)
    {
        var main = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().MaxBy(p => p.Area)!;
        return main.IsValid ? main : GeometryFixer.Fix(main);
    }

    private static Coordinate Toward(Coordinate from, Coordinate to, double meters)
    {
        var d = from.Distance(to);
        var f = d <= 0 ? 0 : Math.Min(1, meters / d);
        return new Coordinate(Math.Round(from.X + (to.X - from.X) * f, 3), Math.Round(from.Y + (to.Y - from.Y) * f, 3));
    }

    /// <summary>A meandering line west to east across the city's prefecture outline.</summary>
    private static LineString River(DivisionSet set, GeometryFactory factory, Rng rng)
    {
        var env = new Envelope();
        foreach (var d in set.Divisions)
        {
            env.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        var phase = rng.NextDouble() * Math.PI * 2;
        var baseY = env.MinY + env.Height * (0.35 + 0.3 * rng.NextDouble());
        var coords = Enumerable.Range(0, 101).Select(i =>
        {
            var x = env.MinX + env.Width * i / 100.0;
            return new Coordinate(Math.Round(x, 3), Math.Round(baseY + env.Height * 0.06 * Math.Sin(phase + i * 0.25), 3));
        }).ToArray();
        return factory.CreateLineString(coords);
    }
}
