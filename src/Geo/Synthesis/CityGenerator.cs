using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Builds a synthetic Tianjin-like city whose townships tile their districts and whose districts tile the city
/// exactly (shared edges have identical vertices), with optional injected defects and enclaves recorded in a
/// ground-truth manifest. Coordinates are Gauss-Krüger metres, EPSG:4548 (zone 39, central meridian 117°E, false
/// easting 500 000), centred near E 500 000, N 4 330 000.
/// </summary>
/// <remarks>
/// Method: township labels on a coarse lattice (domain-warped nearest seed), districts grown over township
/// adjacency, enclaves painted onto the lattice; the boundaries between labels are extracted as chains between
/// nodes, each made irregular once (Chaikin smoothing, fractal midpoint displacement) and checked for crossings,
/// then polygonized into faces. Tiling-breaking defects are applied to the finished township polygons last.
/// </remarks>
public static class CityGenerator
{
    /// <summary>Spatial reference of every geometry: EPSG:4548, 1 mm fixed precision.</summary>
    internal static GeometryFactory Factory { get; } = new(new PrecisionModel(1000), 4548);

    private static readonly DateOnly ValidFrom = new(2020, 1, 1);

    /// <summary>
    /// Generates a city. Deterministic: the same options give equal divisions and an equal manifest.
    /// The small size builds in about a second, the full size in several.
    /// </summary>
    public static SyntheticCity Generate(CityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Dirty);
        var profile = SizeProfile.Of(options.Size);
        var lattice = LatticeBuilder.Build(profile, options.Seed);
        var plan = DistrictPlanner.Plan(lattice, profile, options.Seed);
        var injections = LatticeInjector.Inject(lattice, plan, options.Dirty, options.Seed);
        TownshipNamer.Name(plan, options.Seed);
        var chains = ChainExtractor.Extract(lattice);
        ShapeChains(chains, lattice, profile, injections, options.Seed);
        var (city, districts, townships) = Assemble(lattice, plan, chains);
        var defects = new List<InjectedDefect>();
        defects.AddRange(LatticeInjector.Describe(injections, lattice, plan, townships));
        var multipart = LatticeInjector.DescribeMultipart(injections, plan, townships);
        var reserved = new SortedSet<string>(injections.SelectMany(i => new[] { plan.Codes[i.Owner], plan.Codes[i.Host] }), StringComparer.Ordinal);
        var owners = new SortedSet<string>(injections.Select(i => plan.Codes[i.Owner]), StringComparer.Ordinal);
        townships = DefectInjector.Inject(townships, chains, plan, options.Dirty, options.Seed, defects, reserved, owners);
        var all = ImmutableArray.CreateBuilder<Division>();
        all.Add(city);
        all.AddRange(districts);
        all.AddRange(townships);
        var set = new DivisionSet(all.ToImmutable(), CrsCode.GaussKruger(39, false));
        var truth = new GroundTruth(
            options.Seed,
            options.Size == CitySize.Full ? "full" : "small",
            options.Dirty.Any,
            set.Crs.ToString(),
            new TruthCounts(1, districts.Count, townships.Count),
            set.VertexCount(),
            [.. multipart],
            [.. defects]);
        return new SyntheticCity(set, truth);
    }

    private static void ShapeChains(List<Chain> chains, Lattice lattice, SizeProfile profile, List<LatticeInjection> injections, long seed)
    {
        var todo = Enumerable.Range(0, chains.Count).ToList();
        for (var attempt = 0; ; attempt++)
        {
            foreach (var k in todo)
            {
                ChainShaper.Shape(chains[k], lattice, profile.VertexSpacingMeters, seed);
                LatticeInjector.SqueezeNecks(chains[k], injections, lattice);
            }
            ThinToBudget(chains, profile.MaxVerticesPerTownship);
            var bad = ChainValidator.FindCrossing(chains, Factory);
            if (bad.Count == 0)
            {
                return;
            }
            if (attempt >= 8)
            {
                throw new InvalidOperationException($"chains {string.Join(", ", bad)} still cross after smoothing was removed");
            }
            todo = [.. bad];
            foreach (var k in todo)
            {
                chains[k].Roughness = attempt >= 4 ? 0 : chains[k].Roughness * 0.5;
            }
        }
    }

    /// <summary>
    /// Evenly drops vertices from the chains of any township over its vertex budget (rare: an unusually long
    /// perimeter), so the budget holds without a coarser subdivision level everywhere.
    /// </summary>
    private static void ThinToBudget(List<Chain> chains, int budget)
    {
        var totals = new SortedDictionary<int, long>();
        foreach (var c in chains)
        {
            foreach (var label in new[] { c.Left, c.Right })
            {
                totals[label] = totals.GetValueOrDefault(label) + c.Shape.Length - 1;
            }
        }
        foreach (var c in chains)
        {
            var ratio = Math.Min(Ratio(c.Left), Ratio(c.Right));
            if (ratio >= 1)
            {
                continue;
            }
            var kept = new List<Coordinate> { c.Shape[0] };
            for (var i = 1; i < c.Shape.Length - 1; i++)
            {
                if (Math.Floor(i * ratio) > Math.Floor((i - 1) * ratio))
                {
                    kept.Add(c.Shape[i]);
                }
            }
            kept.Add(c.Shape[^1]);
            c.Shape = [.. kept];
        }

        double Ratio(int label) => label < 0 || totals[label] <= budget ? 1 : (double)budget / totals[label];
    }

    private static (Division City, List<Division> Districts, List<Division> Townships) Assemble(
        Lattice lattice, DistrictPlan plan, List<Chain> chains)
    {
        var (_, comps) = lattice.Components();
        var reps = new List<(Coordinate Rep, int Label)>();
        foreach (var (label, first, _) in comps)
        {
            if (label >= 0)
            {
                reps.Add((new Coordinate(lattice.CentreX(first % lattice.Nx), lattice.CentreY(first / lattice.Nx)), label));
            }
        }
        var townshipFaces = FaceAssembler.Assemble(chains, reps, Factory);
        var districtFaces = FaceAssembler.Assemble(
            chains.Where(c => plan.DistrictOf(c.Left) != plan.DistrictOf(c.Right)),
            [.. reps.Select(r => (r.Rep, plan.DistrictOf(r.Label)))], Factory);
        var cityFaces = FaceAssembler.Assemble(
            chains.Where(c => c.Left < 0 || c.Right < 0), [.. reps.Select(r => (r.Rep, 0))], Factory);

        var city = new Division(TianjinNames.CityCode, TianjinNames.CityName, DivisionLevel.Prefecture, null,
            Geometry(cityFaces[0]), ValidFrom);
        var districts = new List<Division>();
        foreach (var (d, faces) in districtFaces)
        {
            var code = plan.DistrictCodes[d];
            districts.Add(new Division(code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TianjinNames.DistrictName(code), DivisionLevel.District, TianjinNames.CityCode, Geometry(faces), ValidFrom));
        }
        var townships = new List<Division>();
        foreach (var (t, faces) in townshipFaces)
        {
            var parent = plan.DistrictCodes[plan.DistrictOf(t)].ToString(System.Globalization.CultureInfo.InvariantCulture);
            var division = new Division(plan.Codes[t], plan.Names[t], DivisionLevel.Township, parent, Geometry(faces), ValidFrom);
            townships.Add(LatticeInjector.Annotate(division, t, plan));
        }
        districts.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        townships.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return (city, districts, townships);
    }

    private static Geometry Geometry(List<Polygon> faces) =>
        faces.Count == 1 ? faces[0] : Factory.CreateMultiPolygon([.. faces]);
}
