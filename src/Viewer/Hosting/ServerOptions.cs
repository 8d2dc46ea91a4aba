using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Hosting;

/// <summary>How <see cref="BoundariesServer"/> listens.</summary>
public sealed record ServerOptions
{
    /// <summary>All defaults.</summary>
    public static ServerOptions Default { get; } = new();

    /// <summary>
    /// Where to listen, separated by <c>;</c>. Default <c>http://127.0.0.1:5080</c>: loopback only; another machine can
    /// reach the server only when an address such as <c>http://0.0.0.0:5080</c> is given on purpose. Port 0 picks a free port
    /// (see <see cref="BoundariesHost.Urls"/>).
    /// </summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Survey files and folders (NMEA, GPX, CSV, RW5 … as <c>survey progress</c> reads them) compared with the lines for
    /// the survey dashboard and line colouring. Default none (the survey API answers 404 until a file is uploaded).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> SurveyPaths { get; init; } = [];

    /// <summary>Where the host logs; <c>null</c> (default) = nowhere. The CLI passes a console logger.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Who may do what (keys, tokens, anonymous reads, audit file). Default: loopback trusted, see <see cref="Security.AccessOptions"/>.</summary>
    public Security.AccessOptions Access { get; init; } = Security.AccessOptions.Default;

    /// <summary>Body size, batch size, vertices per edit, JSON depth and time per request; see <see cref="Limits.LimitOptions"/>.</summary>
    public Limits.LimitOptions Limits { get; init; } = Boundaries.Viewer.Limits.LimitOptions.Default;

    /// <summary>
    /// Runs the batch path over generated points in the background after start (<see cref="Api.BatchWarmup"/>, about a
    /// second of CPU), so the first large batch runs at full speed. <c>boundaries serve</c> turns it on; off by default
    /// for embedded hosts and tests that start many short-lived servers.
    /// </summary>
    public bool WarmBatch { get; init; }
}
