using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using Microsoft.Extensions.Logging;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries serve --boundaries FILE|--store CONN [--urls http://127.0.0.1:5080]</c>: the HTTP API and OGC API – Features
/// over a division file (reloaded when the file is replaced) or a store (every version, reloaded after each change set);
/// runs until Ctrl-C (or SIGTERM). Logs go to stderr. Access and limits: see <see cref="ServeAccessOptions"/>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file to serve: .gpkg .geojson .shp .csv, or through GDAL .dxf .kml .tab .mif .gdb … / 区划文件" };
        var store = new Option<string>("--store") { Description = "store to serve: a .gpkg path or a PostgreSQL connection string / 区划库" };
        var urls = new Option<string>("--urls")
        {
            Description = "addresses to listen on, ';'-separated (default loopback only) / 监听地址",
            DefaultValueFactory = _ => ServerOptions.Default.Urls,
        };
        var survey = new Option<string[]>("--survey") { Description = "survey files or folders (NMEA, GPX, CSV …) for the survey dashboard / 外业测量文件或目录", AllowMultipleArgumentsPerToken = true };
        var read = new InputOptions();
        var guard = new ServeAccessOptions();
        var command = new Command("serve", "Serve the locate API and OGC API Features / 启动查询服务") { boundaries, store, urls, survey };
        read.AddTo(command);
        guard.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            using var logs = LoggerFactory.Create(b => b
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                // Hosting opens a logging scope per request whenever its logger is enabled at all; it logs nothing we show.
                .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            var (file, connection) = (p.GetValue(boundaries), p.GetValue(store));
            if ((file is null) == (connection is null))
            {
                throw new ArgumentException("give exactly one of --boundaries FILE and --store CONN");
            }
            var access = guard.Access(p, context.Text);
            var limits = guard.Limits(p, context.Text);
            IBoundarySource source = file is not null
                ? new FileBoundarySource(file, read.ReadOptions(p), read.FromCrs(p))
                : StoreBoundarySource.Open(connection!);
            var host = BoundariesServer.StartAsync(source, new ServerOptions { Urls = p.GetValue(urls)!, LoggerFactory = logs, SurveyPaths = [.. p.GetValue(survey) ?? []], Access = access, Limits = limits, WarmBatch = true }).GetAwaiter().GetResult();
            try
            {
                context.Error.WriteLine(context.Text["serve.listening", source.Description, string.Join(' ', host.Urls)]);
                context.Error.WriteLine(ServeAccessText.Describe(access, context.Text));
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
