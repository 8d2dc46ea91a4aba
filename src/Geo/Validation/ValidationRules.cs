using System.Collections.Immutable;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Options of <see cref="CoverageChecker.Check"/>: which rules run, their tolerances (metres on the Gauss-Krüger
/// plane of each coverage) and the accepted exceptions.
/// </summary>
public sealed record ValidationRules
{
    /// <summary>Every rule on, default tolerances, Chinese codes.</summary>
    public static ValidationRules Default { get; } = new();

    /// <summary>Codes switched off: no finding of these codes is produced. Default: none.</summary>
    public ImmutableHashSet<FindingCode> Disabled { get; init; } = [];

    /// <summary>
    /// Widest hole in a coverage with no parent geometry that counts as a gap; wider holes are taken as legitimate
    /// (a lake, a territory of another coverage). Inside a known parent every uncovered piece is a gap. Default 100 m.
    /// </summary>
    public double GapWidthMeters { get; init; } = 100;

    /// <summary>A gap or overlap piece at most this wide is a near-miss edge. Default 0.5 m.</summary>
    public double NearMissToleranceMeters { get; init; } = 0.5;

    /// <summary>A gap or overlap piece at most this wide (and wider than the near-miss tolerance) is a sliver. Default 5 m.</summary>
    public double SliverWidthMeters { get; init; } = 5;

    /// <summary>
    /// Near-miss and sliver pieces between the same divisions lying within this distance of each other (a chain of
    /// them) are one displaced stretch of edge, reported as one finding. Default 25 m; 0 joins only touching pieces.
    /// </summary>
    public double NarrowPieceJoinMeters { get; init; } = 25;

    /// <summary>A polygon part smaller than this is a tiny part. Default 10 m².</summary>
    public double TinyPartAreaSquareMeters { get; init; } = 10;

    /// <summary>Gap, overlap and outside pieces smaller than this are ignored (rounding residue). Default 0.0001 m² (1 cm²).</summary>
    public double MinimumPieceAreaSquareMeters { get; init; } = 1e-4;

    /// <summary>How codes are checked. Default <see cref="CodeScheme.China"/>.</summary>
    public CodeScheme CodeScheme { get; init; } = CodeScheme.China;

    /// <summary>
    /// When set, a division with no parent code is given the first this-many characters of its code as parent
    /// (US county FIPS: 2, the state). Default <c>null</c>: parents as read.
    /// </summary>
    public int? ParentCodePrefixLength { get; init; }

    /// <summary>Findings accepted as exceptions; they go to <see cref="ValidationReport.Accepted"/>. Default none.</summary>
    public ImmutableArray<AcceptedFinding> Exceptions { get; init; } = [];

    /// <summary>True when the rule for <paramref name="code"/> runs.</summary>
    public bool IsOn(FindingCode code) => !Disabled.Contains(code);

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(GapWidthMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(NearMissToleranceMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(SliverWidthMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(NarrowPieceJoinMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(TinyPartAreaSquareMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumPieceAreaSquareMeters);
        if (ParentCodePrefixLength is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(ParentCodePrefixLength));
        }
    }
}
