using Boundaries.Geo.Model;

namespace Boundaries.Geo.Synthesis;

internal static partial class DefectInjector
{
    public static List<Division> Inject(List<Division> townships, List<Chain> chains, DistrictPlan plan, DirtyOptions dirty, long seed, List<InjectedDefect> defects) => townships;
}
