using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// <c>boundaries …</c> as a child process (the CLI the test project builds next to itself): its stderr collected as it
/// comes, killable with SIGKILL. For <c>serve</c>, <see cref="WaitForUrlAsync"/> gives the address it bound.
/// </summary>
internal sealed partial class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _url.TrySetException(new InvalidOperationException("the process ended before it listened: " + Error));
                return;
            }
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
            if (ListeningUrl().Match(e.Data) is { Success: true } m)
            {
                _url.TrySetResult(m.Value);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public static CliProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "boundaries.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["BOUNDARIES_LANG"] = "en";
        return new CliProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs to the end; returns exit code, stdout and stderr.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var p = Start(args);
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Output, p.Error);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Waits for the end of the process and of its redirected streams: <see cref="HasExited"/> can be true before the
    /// last lines of stdout have been read.
    /// </summary>
    public void WaitForEnd() => _process.WaitForExit();

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The http://127.0.0.1:PORT address <c>serve</c> says it listens on.</summary>
    public async Task<string> WaitForUrlAsync()
    {
        var done = await Task.WhenAny(_url.Task, Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(done == _url.Task, "serve did not listen within 120 s: " + Error);
        return await _url.Task;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningUrl();
}
