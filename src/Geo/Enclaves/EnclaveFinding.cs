using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>One enclave found.</summary>
/// <param name="Owner">The division the piece legally belongs to.</param>
/// <param name="Hosts">The other divisions the piece borders (shared edge of positive length), longest border first.</param>
/// <param name="Class">The class.</param>
/// <param name="Order">1 for a piece inside a main part; k+1 for a piece inside a detached piece of order k.</param>
/// <param name="Level">The level of the owner.</param>
/// <param name="AreaSquareMeters">Ellipsoidal area of the piece.</param>
/// <param name="Geometry">The piece, lon/lat (CGCS2000 or the input's geographic system).</param>
/// <param name="Evidence">Why it was classed so (borders and their lengths, the outer edge, the neck, the manager).</param>
public sealed record EnclaveFinding(
    string Owner,
    ImmutableArray<string> Hosts,
    EnclaveClass Class,
    int Order,
    DivisionLevel Level,
    double AreaSquareMeters,
    Geometry Geometry,
    EnclaveEvidence Evidence);

/// <summary>The measured facts behind a finding.</summary>
/// <param name="SharedBorders">Length of border shared with each host, metres.</param>
/// <param name="OuterEdgeMeters">Length on the coverage's outer edge (or water), metres.</param>
/// <param name="PartIndex">Index of the part in the owner's geometry (-1 for a zone that is not a whole part).</param>
/// <param name="PartCount">Number of parts of the owner.</param>
/// <param name="EnclosingOwner">For an enclave: the owner of the part it lies in; null otherwise.</param>
/// <param name="NeckWidthMeters">For a practical enclave by neck: the width used.</param>
/// <param name="ManagedBy">For a management enclave: the unit that manages it.</param>
/// <param name="Note">A sentence for people, in English (the JSON <c>note</c>).</param>
/// <param name="Detail">The same sentence as a template key and arguments, so it renders in zh-CN too
/// (<see cref="EnclaveNotes.Text"/>); null when only the English note exists.</param>
public sealed record EnclaveEvidence(
    ImmutableArray<SharedBorder> SharedBorders,
    double OuterEdgeMeters,
    int PartIndex,
    int PartCount,
    string? EnclosingOwner = null,
    double? NeckWidthMeters = null,
    string? ManagedBy = null,
    string Note = "",
    Boundaries.Geo.Validation.FindingDetail? Detail = null);

/// <summary>A border a piece shares with a division.</summary>
public sealed record SharedBorder(string Code, double LengthMeters);
