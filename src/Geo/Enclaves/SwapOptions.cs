using System.Collections.Immutable;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Swaps: when finding i (owner A) can go to B by a whole-part transfer and finding j (owner B) can go to A, the pair
/// becomes one more option of each finding — two <see cref="ResolutionKind.Swap"/> halves naming each other as
/// <see cref="EnclaveResolution.Partner"/>. The planners take both halves or neither, so the divisions' net area change
/// is the difference of the two pieces. A half scores as its transfer, 0.001 cheaper (one negotiated exchange rather
/// than two separate transfers, which give the same territory: on a tie the swap wins).
/// </summary>
public static class SwapOptions
{
    /// <summary>The cost by which a swap half is cheaper than the transfer it repeats.</summary>
    public const double Discount = 0.001;

    /// <summary>The swap halves for the whole-part transfers among <paramref name="options"/>.</summary>
    public static ImmutableArray<EnclaveResolution> Pair(IReadOnlyList<EnclaveResolution> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transfers = options.Where(o => o.Kind is ResolutionKind.TransferToHost or ResolutionKind.TransferToNeighbour && !o.HasMoves).ToList();
        var byDirection = transfers.ToLookup(o => (o.From, o.To!));
        var result = ImmutableArray.CreateBuilder<EnclaveResolution>();
        foreach (var a in transfers)
        {
            foreach (var b in byDirection[(a.To!, a.From)].Where(b => b.Finding != a.Finding))
            {
                result.Add(a with { Kind = ResolutionKind.Swap, Partner = b.Finding, Score = a.Score with { Cost = Math.Round(a.Score.Cost - Discount, 6) } });
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The other half of a swap half among <paramref name="options"/>, or null.</summary>
    public static EnclaveResolution? PartnerOf(EnclaveResolution half, IEnumerable<EnclaveResolution> options) =>
        half is { Kind: ResolutionKind.Swap, Partner: { } j }
            ? options.FirstOrDefault(o => o.Kind == ResolutionKind.Swap && o.Finding == j && o.Partner == half.Finding && o.From == half.To && o.To == half.From)
            : null;
}

/// <summary>What a resolution moves, as flows between divisions (for net-change limits and frozen divisions).</summary>
public static class ResolutionFlows
{
    /// <summary>Each piece that changes hands: from, to, area (m²), people. Empty for Keep.</summary>
    public static IEnumerable<(string From, string To, double Area, int People)> Flows(this EnclaveResolution r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.HasMoves)
        {
            return r.Moves.Select(m => (m.From, m.To, m.AreaSquareMeters, m.People));
        }
        return r.Kind == ResolutionKind.Keep || r.To is null ? [] : [(r.From, r.To, r.Score.AreaMovedSquareMeters, r.Score.PeopleMoved)];
    }
}
