namespace Boundaries.Geo.Synthesis;

/// <summary>The numbers behind a <see cref="CitySize"/>.</summary>
/// <param name="HalfNorthSouthMeters">Half the city's north-south extent before the outline noise.</param>
/// <param name="HalfEastWestMeters">Half its east-west extent.</param>
/// <param name="CellMeters">Lattice cell size; boundaries first follow cell edges, then are smoothed.</param>
/// <param name="Townships">Township seeds to place.</param>
/// <param name="DistrictCodes">The district codes to use, urban ones first.</param>
/// <param name="UrbanDistricts">How many of <paramref name="DistrictCodes"/> are urban (streets only).</param>
/// <param name="VertexSpacingMeters">Segments are subdivided until shorter than this.</param>
/// <param name="MaxVerticesPerTownship">Chains of a township with more vertices are thinned evenly.</param>
internal sealed record SizeProfile(
    double HalfNorthSouthMeters,
    double HalfEastWestMeters,
    double CellMeters,
    int Townships,
    int[] DistrictCodes,
    int UrbanDistricts,
    double VertexSpacingMeters,
    int MaxVerticesPerTownship)
{
    public const double CentreEasting = 500_000;
    public const double CentreNorthing = 4_330_000;

    public static SizeProfile Of(CitySize size) => size switch
    {
        CitySize.Small => new(21_000, 12_500, 500, 40, [120101, 120111, 120116, 120119], 1, 85, 640),
        CitySize.Full => new(86_000, 45_000, 440, 250,
            [120101, 120102, 120103, 120104, 120105, 120106,
             120119, 120115, 120114, 120117, 120113, 120110, 120111, 120116, 120112, 120118], 6, 20, 4900),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "unknown city size"),
    };
}
