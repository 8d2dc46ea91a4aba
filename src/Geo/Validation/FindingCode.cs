namespace Boundaries.Geo.Validation;

/// <summary>
/// The kind of a validation finding. The values and their snake_case names (<see cref="FindingCodes.Name"/>) are
/// stable: reports, exception lists and golden files refer to them.
/// </summary>
/// <remarks>
/// Terms: a <em>coverage</em> is the divisions of one level under one parent; a <em>gap</em> is area of the parent
/// (or, with no parent geometry, a hole in the coverage narrower than the gap width) that no member covers; an
/// <em>overlap</em> is area two or more members cover; a <em>sliver</em> is a gap or overlap piece narrower than the
/// sliver width; a <em>near-miss edge</em> is one narrower than the near-miss tolerance: two copies of one shared
/// edge that should coincide and do not.
/// </remarks>
public enum FindingCode
{
    /// <summary>A geometry that is not a valid polygon for a reason other than those below (a hole outside its shell …).</summary>
    InvalidGeometry = 1,
    /// <summary>A ring whose first and last points differ.</summary>
    RingNotClosed = 2,
    /// <summary>A ring with fewer than four points (three distinct), also after snapping to the 1 mm grid.</summary>
    TooFewPoints = 3,
    /// <summary>A ring that crosses itself or another ring of the same division.</summary>
    SelfIntersection = 4,
    /// <summary>Area covered by two or more divisions of one coverage.</summary>
    Overlap = 5,
    /// <summary>Area of the parent no division covers, enclosed by the coverage.</summary>
    Gap = 6,
    /// <summary>Area of the parent no division covers that reaches the parent's outer boundary.</summary>
    GapOpenToOutside = 7,
    /// <summary>Two copies of a shared edge that differ by less than the near-miss tolerance.</summary>
    NearMissEdge = 8,
    /// <summary>A gap or overlap narrower than the sliver width.</summary>
    Sliver = 9,
    /// <summary>A polygon part smaller than the tiny-part area.</summary>
    TinyPart = 10,
    /// <summary>Two divisions with the same geometry.</summary>
    DuplicateDivision = 11,
    /// <summary>A division with area outside its parent.</summary>
    OutsideParent = 12,
    /// <summary>The members of a coverage do not cover their parent exactly (summary of gaps and outside area).</summary>
    ChildrenDoNotCoverParent = 13,
    /// <summary>A division whose code does not lie under its parent's code.</summary>
    CodePrefixMismatch = 14,
    /// <summary>A division whose level is not the level its code names.</summary>
    LevelCodeMismatch = 15,
    /// <summary>A division with an empty name.</summary>
    EmptyName = 16,
    /// <summary>A code that is not a well-formed division code of the chosen scheme.</summary>
    MalformedCode = 17,
    /// <summary>Two divisions in force at the same time with the same code.</summary>
    DuplicateCode = 18,
}
