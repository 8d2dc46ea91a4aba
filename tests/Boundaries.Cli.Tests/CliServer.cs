using System.Diagnostics;
using System.Text;

namespace Boundaries.Cli.Tests;

/// <summary>
/// <c>boundaries serve …</c> in a second process (as an operator starts it): waits for the "serving … on URL" line, keeps
/// the next line (the access summary) as <see cref="Banner"/>, collects the rest of stderr in <see cref="Log"/>, and
/// kills the process when disposed.
/// </summary>
internal sealed class CliServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Task _pump;

    private CliServer(Process process, string url, string banner)
    {
        _process = process;
        Url = url;
        Banner = banner;
        _pump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        });
    }

    public string Url { get; }

    public string Banner { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<CliServer> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(BoundariesApp).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            seen.AppendLine(line);
            if (line.StartsWith("serving ", StringComparison.Ordinal) || line.StartsWith("正在发布 ", StringComparison.Ordinal))
            {
                var url = line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
                var banner = await process.StandardError.ReadLineAsync() ?? "";
                return new CliServer(process, url, banner);
            }
        }
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"serve exited with {process.ExitCode} before listening:\n{seen}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        await _pump;
        _process.Dispose();
    }
}
