using System.CommandLine;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// The options of verbs that read division files: the field map (DESIGN.md: <c>--code-field</c>, <c>--name-field</c>,
/// <c>--parent-field</c>, <c>--level</c>; <c>--code-field id</c> takes the GeoJSON feature id), the encoding, and
/// <c>--from</c>.
/// </summary>
internal sealed class InputOptions
{
    public Option<string?> CodeField { get; } = new("--code-field") { Description = "field holding the division code (id = the GeoJSON feature id; Layer = a DXF's CAD layer; a DXF block attribute tag such as CODE) / 代码字段（DXF 可用图层 Layer 或图块属性标记）" };

    public Option<string?> NameField { get; } = new("--name-field") { Description = "field holding the name / 名称字段" };

    public Option<string?> ParentField { get; } = new("--parent-field") { Description = "field holding the parent's code / 上级代码字段" };

    public Option<string?> Level { get; } = new("--level") { Description = "level of every feature: province|prefecture|district|township|community / 层级" };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "text encoding of the input (utf-8, gbk) when the file does not say / 输入编码" };

    public Option<string?> From { get; } = new("--from") { Description = "coordinate system of the input: EPSG:n, gcj02 or bd09 / 输入坐标系" };

    public ImportLimitOptions Limits { get; } = new();

    public void AddTo(Command command)
    {
        Limits.AddTo(command);
        command.Add(CodeField);
        command.Add(NameField);
        command.Add(ParentField);
        command.Add(Level);
        command.Add(Encoding);
        command.Add(From);
    }

    public DivisionReadOptions ReadOptions(ParseResult parse)
    {
        var options = DivisionReadOptions.Default with { Limits = Limits.Limits(parse) };
        if (parse.GetValue(CodeField) is { } code)
        {
            options = options with { CodeField = code };
        }
        if (parse.GetValue(NameField) is { } name)
        {
            options = options with { NameField = name };
        }
        if (parse.GetValue(ParentField) is { } parent)
        {
            options = options with { ParentField = parent };
        }
        if (parse.GetValue(Level) is { } level)
        {
            options = options with { Level = DivisionLevels.Parse(level) };
        }
        if (parse.GetValue(Encoding) is { } encoding)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            options = options with { Encoding = System.Text.Encoding.GetEncoding(encoding) };
        }
        return options;
    }

    public CrsCode? FromCrs(ParseResult parse) => parse.GetValue(From) is { } text ? CrsCode.Parse(text) : null;
}
