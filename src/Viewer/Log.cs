using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer;

/// <summary>The viewer's log messages, with fixed event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded {Count} divisions from {Source} (version {Version})")]
    public static partial void Loaded(ILogger logger, string source, int count, int version);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Reloading {Source} failed; still serving the previous version")]
    public static partial void ReloadFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Batch request failed after the answer had started; connection aborted")]
    public static partial void BatchAborted(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Warming up the batch path failed; the first batch will be slower")]
    public static partial void BatchWarmupFailed(ILogger logger, Exception exception);
}
