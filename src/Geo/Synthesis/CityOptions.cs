namespace Boundaries.Geo.Synthesis;

/// <summary>Options of <see cref="CityGenerator.Generate"/>.</summary>
public sealed record CityOptions
{
    /// <summary>The seed; the same seed, size and switches give the same city, byte for byte. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The size. Default <see cref="CitySize.Small"/>.</summary>
    public CitySize Size { get; init; } = CitySize.Small;

    /// <summary>The injections; default <see cref="DirtyOptions.None"/> (a clean city).</summary>
    public DirtyOptions Dirty { get; init; } = DirtyOptions.None;
}
