using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using Microsoft.Extensions.Logging;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries serve --boundaries FILE [--urls http://127.0.0.1:5080]</c>: the HTTP API and OGC API – Features over
/// a division file, reloaded when the file is replaced; runs until Ctrl-C (or SIGTERM). Logs go to stderr.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file to serve: .gpkg .geojson .shp .csv, or through GDAL .dxf .kml .tab .mif .gdb … / 区划文件", Required = true };
        var urls = new Option<string>("--urls")
        {
            Description = "addresses to listen on, ';'-separated (default loopback only) / 监听地址",
            DefaultValueFactory = _ => ServerOptions.Default.Urls,
        };
        var read = new InputOptions();
        var command = new Command("serve", "Serve the locate API and OGC API Features / 启动查询服务") { boundaries, urls };
        read.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            using var logs = LoggerFactory.Create(b => b
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            var source = new FileBoundarySource(p.GetValue(boundaries)!, read.ReadOptions(p), read.FromCrs(p));
            var host = BoundariesServer.StartAsync(source, new ServerOptions { Urls = p.GetValue(urls)!, LoggerFactory = logs }).GetAwaiter().GetResult();
            try
            {
                context.Error.WriteLine(context.Text["serve.listening", source.Path, string.Join(' ', host.Urls)]);
                host.WaitForShutdownAsync().GetAwaiter().GetResult();
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
