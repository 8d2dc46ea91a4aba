namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Paints detached pieces onto the township lattice before any boundary is drawn, so multi-part townships and every
/// enclave class keep the tiling exact: the piece's boundary is extracted and shaped once, like any other chain.
/// Each painting is checked (no pinch, the host stays in one piece unless a counter-enclave says otherwise) and
/// undone and retried elsewhere when the check fails. Every owner and host is used once only.
/// </summary>
internal static partial class LatticeInjector
{
    /// <summary>Half-width of a practical-enclave neck after squeezing, metres.</summary>
    public const double NeckHalfWidthMeters = 15;

    public static List<LatticeInjection> Inject(Lattice l, DistrictPlan plan, DirtyOptions dirty, long seed)
    {
        var ctx = new Context(l, plan, Rng.For(seed, 11));
        var result = new List<LatticeInjection>();
        var legit = plan.DistrictCodes.Length > 4 ? 2 : 1;
        for (var k = 0; k < legit; k++)
        {
            Add(result, ctx.Square("island", 2, Ring.HostOnly));
            Add(result, ctx.Square("detached_at_district_edge", 2, Ring.OtherDistrict));
        }
        if (dirty.Exclave)
        {
            Add(result, ctx.Square(DefectClasses.Exclave, 2, Ring.OtherTownship));
        }
        if (dirty.Enclave)
        {
            Add(result, ctx.Square(DefectClasses.Enclave, 2, Ring.HostOnly));
        }
        if (dirty.CounterEnclave)
        {
            Add(result, ctx.Square(DefectClasses.CounterEnclave, 5, Ring.HostOnly));
        }
        if (dirty.SemiEnclave)
        {
            Add(result, ctx.Square(DefectClasses.SemiEnclave, 2, Ring.Outside));
        }
        if (dirty.PracticalEnclaveNeck)
        {
            Add(result, ctx.Neck());
        }
        if (dirty.ManagementEnclave)
        {
            var m = ctx.Square(DefectClasses.ManagementEnclave, 2, Ring.HostOnly);
            Add(result, m);
            if (m is not null)
            {
                plan.ManagedBy[m.Owner] = m.Host;
            }
        }
        if (dirty.SurroundedDivision)
        {
            Add(result, ctx.Square(DefectClasses.SurroundedDivision, 3, Ring.HostOnly));
        }
        if (dirty.DistrictEnclave)
        {
            Add(result, ctx.DistrictPiece(DefectClasses.DistrictEnclave, whole: false));
            Add(result, ctx.DistrictPiece(DefectClasses.DistrictEnclaveTownship, whole: true));
        }
        return result;
    }

    private static void Add(List<LatticeInjection> list, LatticeInjection? injection)
    {
        if (injection is not null)
        {
            list.Add(injection);
        }
    }

    /// <summary>Moves the vertices of a neck's chains toward the neck's centre line, so the neck is about 30 m wide.</summary>
    public static void SqueezeNecks(Chain chain, List<LatticeInjection> injections, Lattice l)
    {
        foreach (var inj in injections)
        {
            if (inj.Neck is not { } neck || !chain.Separates(inj.Owner, inj.Host))
            {
                continue;
            }
            var factor = NeckHalfWidthMeters / (0.5 * l.S);
            var shape = chain.Shape;
            for (var k = 0; k < shape.Length; k++)
            {
                var c = shape[k];
                if (c.X >= neck.XMin && c.X <= neck.XMax && Math.Abs(c.Y - neck.YCentre) < 0.75 * l.S)
                {
                    shape[k] = new(c.X, Math.Round((neck.YCentre + (c.Y - neck.YCentre) * factor) * 1000) / 1000);
                }
            }
        }
    }

    private enum Ring
    {
        /// <summary>The piece is surrounded by its host.</summary>
        HostOnly,
        /// <summary>The piece also borders a township of another district.</summary>
        OtherDistrict,
        /// <summary>The piece also borders another township (not its owner).</summary>
        OtherTownship,
        /// <summary>The piece also borders the outside of the city.</summary>
        Outside,
    }
}
