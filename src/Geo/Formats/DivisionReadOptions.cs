using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Formats;

/// <summary>
/// How <see cref="DivisionFiles.Read"/> turns the features of a file into divisions: the field map (which
/// property holds the code, name, parent and level), an encoding override and a coordinate-system override.
/// Field names are matched exactly first, then ignoring case (shapefile fields are often upper case).
/// Properties the map does not consume go to <see cref="Division.Attributes"/>.
/// </summary>
public sealed record DivisionReadOptions
{
    /// <summary>The options for files written by this toolkit (all defaults).</summary>
    public static DivisionReadOptions Default { get; } = new();

    /// <summary>
    /// The property holding the division code. Default <c>code</c>. The value <c>id</c> takes the GeoJSON
    /// feature id (in other formats, a field named <c>id</c>).
    /// </summary>
    public string CodeField { get; init; } = "code";

    /// <summary>The property holding the name. Default <c>name</c>; when absent the name is empty.</summary>
    public string NameField { get; init; } = "name";

    /// <summary>The property holding the parent's code. Default <c>parent</c>; when absent the parent is <c>null</c>.</summary>
    public string ParentField { get; init; } = "parent";

    /// <summary>
    /// The property holding the level (see <see cref="DivisionLevels.TryParse"/> for accepted values).
    /// Default <c>level</c>. Ignored when <see cref="Level"/> is set.
    /// </summary>
    public string LevelField { get; init; } = "level";

    /// <summary>
    /// A fixed level for every feature read, overriding <see cref="LevelField"/> and GeoPackage layer names.
    /// Default <c>null</c>: the level comes from the layer name or the level field.
    /// </summary>
    public DivisionLevel? Level { get; init; }

    /// <summary>The property holding the first day in force (ISO date). Default <c>valid_from</c>.</summary>
    public string ValidFromField { get; init; } = "valid_from";

    /// <summary>The property holding the first day no longer in force (ISO date). Default <c>valid_to</c>.</summary>
    public string ValidToField { get; init; } = "valid_to";

    /// <summary>
    /// The text encoding of a shapefile's .dbf or of a CSV file, overriding the .cpg file and detection.
    /// Default <c>null</c>: shapefiles use the .cpg, else UTF-8 when the bytes are valid UTF-8, else GBK;
    /// CSV is UTF-8 with or without BOM.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// The coordinate system of the file's coordinates, overriding what the file states (.prj, srs_id, the GeoJSON
    /// <c>crs</c> member). Default <c>null</c>: use what the file states. When set, the result's
    /// <see cref="DivisionReadResult.CrsStated"/> is <c>true</c>.
    /// </summary>
    public CrsCode? Crs { get; init; }

    /// <summary>Largest file and longest CSV line read (<see cref="ImportLimits.Default"/>); more is refused naming file and line.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;
}
