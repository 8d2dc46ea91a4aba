namespace Boundaries.Geo.Enclaves;

/// <summary>
/// A planner: one resolution per finding under the constraints. <see cref="EnclavePlanner"/> is the greedy one in Geo;
/// the exact CP-SAT one lives in Boundaries.Plan (so Geo does not depend on OR-Tools' native library).
/// </summary>
public interface IPlanSolver
{
    /// <summary>The plan.</summary>
    EnclavePlan Solve(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints);
}

/// <summary>The greedy planner as an <see cref="IPlanSolver"/>.</summary>
public sealed class GreedyPlanSolver : IPlanSolver
{
    /// <summary>The one instance.</summary>
    public static GreedyPlanSolver Instance { get; } = new();

    /// <inheritdoc />
    public EnclavePlan Solve(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints) => EnclavePlanner.Plan(options, constraints);
}
