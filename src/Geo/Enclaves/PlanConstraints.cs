using System.Collections.Immutable;

namespace Boundaries.Geo.Enclaves;

/// <summary>The constraints the official sets for a plan.</summary>
public sealed record PlanConstraints
{
    /// <summary>No constraints: every finding may be resolved, no limit on net change.</summary>
    public static PlanConstraints None { get; } = new();

    /// <summary>Largest net change of area (gain or loss, m²) any one division may have; null (default) = no limit.</summary>
    public double? MaxNetAreaChangeSquareMeters { get; init; }

    /// <summary>Largest net change of population (people gained or lost, from the address points) any one division may
    /// have; null (default) = no limit.</summary>
    public int? MaxNetPeopleChange { get; init; }

    /// <summary>Divisions that may neither give nor receive territory.</summary>
    public ImmutableHashSet<string> Frozen { get; init; } = [];

    /// <summary>Owners whose findings are kept as they are.</summary>
    public ImmutableHashSet<string> Keep { get; init; } = [];
}

/// <summary>One resolution chosen per finding.</summary>
/// <param name="Choices">The chosen resolution of every finding, by finding index.</param>
/// <param name="TotalCost">Sum of the chosen costs.</param>
/// <param name="Solver">How the plan was made (<c>greedy</c>).</param>
public sealed record EnclavePlan(ImmutableArray<EnclaveResolution> Choices, double TotalCost, string Solver);
