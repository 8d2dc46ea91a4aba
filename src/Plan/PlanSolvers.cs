using Boundaries.Geo.Enclaves;

namespace Boundaries.Plan;

/// <summary>Picks the planner: CP-SAT when OR-Tools' native library loads, else the greedy one (stated in the plan's Solver).</summary>
public static class PlanSolvers
{
    /// <summary>CP-SAT, falling back to greedy when the native library cannot be loaded.</summary>
    public static EnclavePlan Plan(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints) =>
        Plan(options, constraints, new CpSatPlanSolver());

    /// <summary>The given exact solver, falling back to greedy when its native library cannot be loaded.</summary>
    public static EnclavePlan Plan(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints, IPlanSolver exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        try
        {
            return exact.Solve(options, constraints);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            var greedy = EnclavePlanner.Plan(options, constraints);
            return greedy with { Solver = $"greedy (CP-SAT unavailable: {e.GetType().Name})" };
        }
    }
}
