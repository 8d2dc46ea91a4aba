namespace Boundaries.Geo.Synthesis;

/// <summary>
/// One piece painted onto the lattice: <see cref="Owner"/> gets <see cref="Cells"/> out of <see cref="Host"/>.
/// <see cref="Focus"/> is a cell inside the piece the manifest describes (for a counter-enclave, the host's cell in
/// the middle). Kind is a <see cref="DefectClasses"/> name or <c>island</c> / <c>detached_at_district_edge</c>.
/// </summary>
internal sealed record LatticeInjection(string Kind, int Owner, int Host, List<(int I, int J)> Cells, (int I, int J) Focus)
{
    /// <summary>For a neck: the x range of the squeezed cell and its centre line y, in metres.</summary>
    public (double XMin, double XMax, double YCentre)? Neck { get; init; }

    public bool IsLegitimateMultipart => Kind is "island" or "detached_at_district_edge";
}
