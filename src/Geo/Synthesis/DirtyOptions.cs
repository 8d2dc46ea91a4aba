namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Which classes of defect and enclave to inject into a synthetic city, one switch per class (all off by default).
/// Defect classes (gap, overlap, sliver, near-miss, self-intersection, outside parent) break the tiling, only where
/// the manifest says; code and name defects change attributes only; enclave classes keep the tiling exact.
/// </summary>
public sealed record DirtyOptions
{
    /// <summary>No injections: a clean city.</summary>
    public static DirtyOptions None { get; } = new();

    /// <summary>Every class switched on, as <c>--dirty</c> asks.</summary>
    public static DirtyOptions All { get; } = new()
    {
        Gap = true, Overlap = true, Sliver = true, NearMiss = true, SelfIntersection = true, DuplicateCode = true,
        MalformedCode = true, OutsideParent = true, EmptyName = true, Exclave = true, Enclave = true,
        CounterEnclave = true, SemiEnclave = true, PracticalEnclaveNeck = true, ManagementEnclave = true,
        SurroundedDivision = true,
    };

    /// <summary>A hole between two townships (covered by their district, by no township).</summary>
    public bool Gap { get; init; }
    /// <summary>One township pushed into its neighbour.</summary>
    public bool Overlap { get; init; }
    /// <summary>A thin overlap (less than 2 m wide) along a shared edge.</summary>
    public bool Sliver { get; init; }
    /// <summary>One side's copy of a shared edge displaced by a few decimetres.</summary>
    public bool NearMiss { get; init; }
    /// <summary>A bow-tie in one ring.</summary>
    public bool SelfIntersection { get; init; }
    /// <summary>Two townships with the same code.</summary>
    public bool DuplicateCode { get; init; }
    /// <summary>A code that is not a valid division code (a letter in it, or 8 digits).</summary>
    public bool MalformedCode { get; init; }
    /// <summary>A township with a part outside its district.</summary>
    public bool OutsideParent { get; init; }
    /// <summary>A township with an empty name.</summary>
    public bool EmptyName { get; init; }
    /// <summary>A detached part of a township bordering two or more others.</summary>
    public bool Exclave { get; init; }
    /// <summary>A detached part of a township surrounded by exactly one other.</summary>
    public bool Enclave { get; init; }
    /// <summary>An enclave of B inside an enclave of A inside B (order 2).</summary>
    public bool CounterEnclave { get; init; }
    /// <summary>A detached part touching the city's outer edge.</summary>
    public bool SemiEnclave { get; init; }
    /// <summary>A part attached to its owner only through a neck about 30 m wide.</summary>
    public bool PracticalEnclaveNeck { get; init; }
    /// <summary>A zone whose managing unit (the <c>management</c> attribute) differs from its legal township.</summary>
    public bool ManagementEnclave { get; init; }
    /// <summary>A whole township that borders only one other.</summary>
    public bool SurroundedDivision { get; init; }
    /// <summary>District-level enclaves: a detached part of a township inside a township of another district, and a whole
    /// township inside a township of another district. Not part of <see cref="All"/> (the dirty sample city stays as it
    /// was); <c>synth --dirty --district-enclaves</c> adds them.</summary>
    public bool DistrictEnclave { get; init; }

    /// <summary>True when any switch is on.</summary>
    public bool Any => this != None;
}
