namespace Boundaries.Geo.Synthesis;

/// <summary>The stable snake_case names of injection classes in the ground-truth manifest.</summary>
public static class DefectClasses
{
    /// <summary>A hole between two townships.</summary>
    public const string Gap = "gap";
    /// <summary>One township pushed into its neighbour.</summary>
    public const string Overlap = "overlap";
    /// <summary>A thin overlap narrower than 2 m along a shared edge.</summary>
    public const string Sliver = "sliver";
    /// <summary>One side's copy of a shared edge displaced by 0.05–0.5 m.</summary>
    public const string NearMiss = "near_miss";
    /// <summary>A bow-tie in one ring.</summary>
    public const string SelfIntersection = "self_intersection";
    /// <summary>Two townships with the same code.</summary>
    public const string DuplicateCode = "duplicate_code";
    /// <summary>A code that does not parse.</summary>
    public const string MalformedCode = "malformed_code";
    /// <summary>A township with a part outside its district.</summary>
    public const string OutsideParent = "outside_parent";
    /// <summary>A township with an empty name.</summary>
    public const string EmptyName = "empty_name";
    /// <summary>A detached part of a division.</summary>
    public const string Exclave = "exclave";
    /// <summary>A detached part bordering exactly one other division and not the outer edge.</summary>
    public const string Enclave = "enclave";
    /// <summary>An enclave inside an enclave.</summary>
    public const string CounterEnclave = "counter_enclave";
    /// <summary>A detached part touching the outer edge of the coverage.</summary>
    public const string SemiEnclave = "semi_enclave";
    /// <summary>A part attached to its owner only through a narrow neck.</summary>
    public const string PracticalEnclaveNeck = "practical_enclave_neck";
    /// <summary>A zone managed by a unit other than its legal division.</summary>
    public const string ManagementEnclave = "management_enclave";
    /// <summary>A whole division bordering only one other.</summary>
    public const string SurroundedDivision = "surrounded_division";
    /// <summary>A detached part of a township of district A inside a township of district B: an enclave at both levels.</summary>
    public const string DistrictEnclave = "district_enclave";
    /// <summary>A whole township of district A inside a township of district B: a district-level enclave made of a whole township.</summary>
    public const string DistrictEnclaveTownship = "district_enclave_township";
}
