using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Vectorize;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries vectorize --lines LINES --labels POINTS --output OUT [--tolerance M]</c> and
/// <c>boundaries vectorize --raster MAP --table CODES.csv --output OUT [--level L] [--simplify PIXELS]</c>:
/// build divisions from boundary linework and label points, or from a label map; print the findings; exit 1 when any
/// is an error.
/// </summary>
internal static class VectorizeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var lines = new Option<string?>("--lines") { Description = "boundary lines: .geojson .gpkg .shp .csv, or through GDAL .dxf .kml .tab .gdb … / 界线文件（可为 CAD 图 DXF）" };
        var labels = new Option<string?>("--labels") { Description = "label points with code, name, level, parent; in a DXF, blocks with a CODE attribute or code texts / 标注点文件（DXF 中为带 CODE 属性的图块或代码文字）" };
        var raster = new Option<string?>("--raster") { Description = "label map: GeoTIFF (tiled and float through GDAL), PNG with a world file, or another raster GDAL reads / 区划栅格图" };
        var table = new Option<string?>("--table") { Description = "CSV value,code[,name,parent,level] for the label map / 像元值与代码对照表" };
        var target = new Option<string>("--output", "-o") { Description = "output file (.gpkg .geojson .csv) / 输出文件", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "undershoot/overshoot tolerance in metres (default 1) / 悬挂容差（米）", DefaultValueFactory = _ => 1.0 };
        var simplify = new Option<double>("--simplify") { Description = "stair-step simplification in pixels, 0 = none (default 0.75) / 化简容差（像元）", DefaultValueFactory = _ => 0.75 };
        var level = new Option<string?>("--level") { Description = "level of divisions that do not say (default township) / 默认层级" };
        var from = new Option<string?>("--from") { Description = "coordinate system of the inputs when they do not say: EPSG:n / 输入坐标系" };
        var noData = new Option<long?>("--nodata") { Description = "label-map value meaning outside / 无数据值" };
        var strict = new Option<bool>("--strict") { Description = "a label-map value missing from the table is an error / 未知像元值视为错误" };
        var command = new Command("vectorize", "Build divisions from linework and label points, or from a label map / 由界线与标注点或栅格图生成区划")
        {
            lines, labels, raster, table, target, tolerance, simplify, level, from, noData, strict,
        };
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var crs = p.GetValue(from) is { } f ? CrsCode.Parse(f) : (CrsCode?)null;
            var defaultLevel = p.GetValue(level) is { } l ? DivisionLevels.Parse(l) : DivisionLevel.Township;
            VectorizeResult result;
            if (p.GetValue(lines) is { } linesPath && p.GetValue(labels) is { } labelsPath && p.GetValue(raster) is null)
            {
                var (lineGeometries, linesCrs) = LineworkFiles.ReadLines(linesPath, crs);
                var (labelPoints, labelsCrs) = LineworkFiles.ReadLabels(labelsPath, crs);
                result = LineworkVectorizer.Build(lineGeometries, linesCrs, labelPoints, labelsCrs,
                    new VectorizeOptions { SnapToleranceMeters = p.GetValue(tolerance), DefaultLevel = defaultLevel });
            }
            else if (p.GetValue(raster) is { } rasterPath && p.GetValue(table) is { } tablePath && p.GetValue(lines) is null)
            {
                var map = RasterFiles.Read(rasterPath, crs);
                if (map.Crs is null)
                {
                    throw new BoundariesFormatException("the label map states no coordinate system; give it with --from", rasterPath);
                }
                result = RasterVectorizer.Build(map, RasterCodeTable.Read(tablePath), new RasterVectorizeOptions
                {
                    SimplifyPixels = p.GetValue(simplify),
                    DefaultLevel = defaultLevel,
                    Strict = p.GetValue(strict),
                    NoDataValue = p.GetValue(noData),
                });
            }
            else
            {
                context.Error.WriteLine(context.Text["vectorize.usage"]);
                return ExitCodes.Usage;
            }
            var outPath = p.GetValue(target)!;
            DivisionFiles.Write(result.Divisions, outPath);
            VectorizeReport.Write(context, result, outPath, p.GetValue(GlobalOptions.Format) == OutputFormat.Json);
            return result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }
}
