using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Security;

/// <summary>Records every write with its identity: to the log (event 3101) and, when configured, one JSON line per write in a file.</summary>
internal sealed class AuditTrail(ILogger logger, string? file)
{
    private readonly Lock _gate = new();

    public void Record(AccessIdentity identity, string httpMethod, string path, int status, string? change = null)
    {
        var role = identity.Role?.ToString().ToLowerInvariant() ?? "none";
        SecurityLog.Audit(logger, identity.Name, role, identity.Method, httpMethod, path, status);
        if (file is null)
        {
            return;
        }
        var entry = new Dictionary<string, object>
        {
            ["time"] = DateTimeOffset.UtcNow.ToString("O"),
            ["identity"] = identity.Name,
            ["role"] = role,
            ["by"] = identity.Method,
            ["method"] = httpMethod,
            ["path"] = path,
            ["status"] = status,
        };
        if (change is not null)
        {
            entry["change"] = change; // the id of the change set saved, whose author is this identity
        }
        var line = JsonSerializer.Serialize(entry);
        lock (_gate)
        {
            File.AppendAllText(file, line + "\n");
        }
    }
}
