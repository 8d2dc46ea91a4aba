namespace Boundaries.Geo.Synthesis;

/// <summary>How big a synthetic city to build.</summary>
public enum CitySize
{
    /// <summary>A fast city for tests: 4 districts, about 40 townships, a few hundred vertices per township.</summary>
    Small = 1,
    /// <summary>Tianjin-sized: 16 districts, about 250 townships, 1 000–5 000 vertices per township, about a million in all.</summary>
    Full = 2,
}
