namespace Boundaries.Geo.Model;

/// <summary>
/// The administrative level of a division, from the top down. The lower-case names
/// (<c>province</c>, <c>prefecture</c>, <c>district</c>, <c>township</c>, <c>community</c>)
/// are the layer names in a GeoPackage and the <c>level</c> property in GeoJSON.
/// </summary>
public enum DivisionLevel
{
    /// <summary>Province-level unit (省, 自治区, 直辖市).</summary>
    Province = 1,
    /// <summary>Prefecture-level unit (地级市, 自治州; a municipality's city proper).</summary>
    Prefecture = 2,
    /// <summary>County-level unit (区, 县, 县级市).</summary>
    District = 3,
    /// <summary>Township-level unit (街道, 镇, 乡, and quasi-township units).</summary>
    Township = 4,
    /// <summary>Village-level unit (社区, 村).</summary>
    Community = 5,
}
