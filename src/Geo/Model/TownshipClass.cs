namespace Boundaries.Geo.Model;

/// <summary>
/// The class of a township-level unit, read from the three-digit serial of its 9-digit code
/// (GB/T 10114): 001–099 street, 100–199 town, 200–399 township, 400–599 quasi-township unit.
/// </summary>
public enum TownshipClass
{
    /// <summary>街道 (serial 001–099).</summary>
    Street = 1,
    /// <summary>镇 (serial 100–199).</summary>
    Town = 2,
    /// <summary>乡, including ethnic townships (serial 200–399).</summary>
    Township = 3,
    /// <summary>类似乡级单位: development zones, farms, industrial parks (serial 400–599).</summary>
    QuasiTownship = 4,
}
