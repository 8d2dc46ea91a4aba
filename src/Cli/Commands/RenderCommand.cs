using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Rendering;
using NetTopologySuite.Geometries;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries render --boundaries FILE --output MAP.png [--bbox minLon,minLat,maxLon,maxLat] [--level township]
/// [--width W --height H] [--at DATE] [--no-labels]</c>: a map image for reports, drawn like the web map.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file / 区划文件", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "PNG to write / 输出 PNG", Required = true };
        var bbox = new Option<string?>("--bbox") { Description = "minLon,minLat,maxLon,maxLat (default: the whole file) / 范围" };
        var level = new Option<string>("--level") { Description = "level to fill (default township) / 填色层级", DefaultValueFactory = _ => "township" };
        var width = new Option<int>("--width") { Description = "pixels / 宽度（像素）", DefaultValueFactory = _ => 1200 };
        var height = new Option<int>("--height") { Description = "pixels / 高度（像素）", DefaultValueFactory = _ => 900 };
        var at = new Option<string?>("--at") { Description = "show the divisions in force on this date (YYYY-MM-DD) / 指定日期" };
        var noLabels = new Option<bool>("--no-labels") { Description = "draw no labels / 不画注记" };
        var read = new InputOptions();
        var command = new Command("render", "Render a map image / 输出区划地图图片") { boundaries, target, bbox, level, width, height, at, noLabels };
        read.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var set = DivisionImporter.Import(p.GetValue(boundaries)!, read.ReadOptions(p), read.FromCrs(p)).In(CrsCode.Cgcs2000);
            var box = p.GetValue(bbox) is { } text ? ParseBox(text) : Extent(set);
            DateOnly? day = p.GetValue(at) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var png = MapRenderer.RenderPng(set.Divisions, box, p.GetValue(width), p.GetValue(height), DivisionLevels.Parse(p.GetValue(level)!), day, !p.GetValue(noLabels));
            var path = p.GetValue(target)!;
            AtomicFile.Write(path, temp => File.WriteAllBytes(temp, png));
            context.Error.WriteLine(context.Text["render.wrote", path, p.GetValue(width), p.GetValue(height)]);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Envelope ParseBox(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4 || !parts.All(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"--bbox '{text}': expected minLon,minLat,maxLon,maxLat");
        }
        var v = parts.Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    private static Envelope Extent(DivisionSet set)
    {
        var envelope = new Envelope();
        foreach (var d in set.Divisions)
        {
            envelope.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        return envelope;
    }
}
