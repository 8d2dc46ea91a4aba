using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Security;

/// <summary>Access and audit log messages; they name identities, never keys or tokens.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Audit: {Identity} ({Role}, by {Method}) {HttpMethod} {Path} -> {Status}")]
    public static partial void Audit(ILogger logger, string identity, string role, string method, string httpMethod, string path, int status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Refused {HttpMethod} {Path} from {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string httpMethod, string path, string remote, string reason);
}
