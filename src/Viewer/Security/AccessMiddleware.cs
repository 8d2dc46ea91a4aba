using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Security;

/// <summary>
/// Establishes who is calling (an <c>X-Api-Key</c>, a bearer token, the local user, or no one), refuses what the
/// caller's role does not allow (401 without usable credentials, 403 with them, as problem details), and audits
/// every write with the identity. Keys and tokens are never logged: refusals name the reason, not the credential.
/// </summary>
internal sealed class AccessMiddleware(AccessOptions options, ImmutableArray<ApiKey> keys, AuditTrail audit, ILogger logger)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var (identity, failure) = await IdentifyAsync(context);
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        if (failure is not null)
        {
            SecurityLog.Refused(logger, method, path, Remote(context), failure);
            await SecurityProblems.WriteAsync(context, 401, "unauthenticated", "Not authenticated", "未通过身份验证",
                failure + "; send a valid X-Api-Key or Authorization: Bearer token", failure + "；请提供有效的 X-Api-Key 或 Bearer 令牌");
            return;
        }
        var needed = AccessRules.Required(method, context.Request.Path);
        if (!Allowed(identity, needed, context))
        {
            var who = identity.IsAnonymous ? "anonymous callers" : $"role '{identity.Role.ToString()!.ToLowerInvariant()}'";
            var whoZh = identity.IsAnonymous ? "匿名调用方" : $"角色“{identity.Role.ToString()!.ToLowerInvariant()}”";
            SecurityLog.Refused(logger, method, path, Remote(context), $"{identity.Name}: needs {needed}");
            var status = identity.IsAnonymous ? 401 : 403;
            await SecurityProblems.WriteAsync(context, status, status == 401 ? "unauthenticated" : "forbidden",
                status == 401 ? "Not authenticated" : "Forbidden", status == 401 ? "未通过身份验证" : "无权操作",
                $"{method} {path} needs the '{needed.ToString().ToLowerInvariant()}' permission, which {who} do not have",
                $"{method} {path} 需要“{needed.ToString().ToLowerInvariant()}”权限，{whoZh}没有该权限");
            if (AccessRules.IsWrite(method))
            {
                audit.Record(identity, method, path, status);
            }
            return;
        }
        context.Items[AccessIdentity.ItemKey] = identity;
        context.Items[AccessIdentity.EnforcedKey] = options.Enforced;
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, identity.Name), new Claim(ClaimTypes.Role, identity.Role?.ToString() ?? "anonymous")],
            identity.IsAnonymous ? null : identity.Method));
        if (!AccessRules.IsWrite(method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            audit.Record(identity, method, path, context.Response.StatusCode, context.Items[EditAuthor.ChangeKey] as string);
        }
    }

    /// <summary>
    /// For the single lookup's fast path: true when the caller is certainly allowed <paramref name="needed"/> — a
    /// known API key whose role allows it, the local user, or an anonymous caller where anonymous reads are allowed.
    /// False for everything else (bearer tokens, unknown keys, refusals), which then go through
    /// <see cref="InvokeAsync"/> to be identified, logged and answered as before. Reads are never audited.
    /// </summary>
    public bool AllowsWithoutChallenge(HttpContext context, AccessPermission needed)
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization))
        {
            return false;
        }
        if (headers.TryGetValue(ApiKeyHeader, out var keyValues))
        {
            var key = keyValues.ToString();
            return IsWellFormedKey(key) && FindKey(key) is { } known && AccessRules.Allows(known.Role, needed);
        }
        var identity = !options.Enforced && IsLoopback(context) ? LocalIdentity : AccessIdentity.Anonymous;
        return Allowed(identity, needed, context);
    }

    private static readonly AccessIdentity LocalIdentity = new("local", AccessRole.Admin, "local");

    private static bool IsWellFormedKey(string key) => key.Length is > 0 and <= 1024;

    /// <summary>The configured key whose SHA-256 equals that of <paramref name="key"/> (hashed on the stack), or null.</summary>
    private ApiKey? FindKey(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
        foreach (var k in keys)
        {
            if (k.Matches(hash))
            {
                return k;
            }
        }
        return null;
    }

    private bool Allowed(AccessIdentity identity, AccessPermission needed, HttpContext context)
    {
        if (identity.Role is { } role)
        {
            return AccessRules.Allows(role, needed);
        }
        var anonymousMayRead = options.Anonymous switch
        {
            AnonymousAccess.Always => true,
            AnonymousAccess.Loopback => IsLoopback(context),
            _ => false,
        };
        return needed == AccessPermission.Read && anonymousMayRead;
    }

    private async Task<(AccessIdentity Identity, string? Failure)> IdentifyAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.TryGetValue(ApiKeyHeader, out var keyValues))
        {
            var key = keyValues.ToString();
            if (!IsWellFormedKey(key))
            {
                return (AccessIdentity.Anonymous, "the API key is empty or too long");
            }
            return FindKey(key) is { } known
                ? (new AccessIdentity(known.Name, known.Role, "api-key"), null)
                : (AccessIdentity.Anonymous, "the API key is not known");
        }
        if (headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (options.TokenSigningKey is null)
            {
                return (AccessIdentity.Anonymous, "this server does not accept tokens");
            }
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded || result.Principal is null)
            {
                return (AccessIdentity.Anonymous, "the token is not valid (signature, issuer, audience or expiry)");
            }
            var principal = result.Principal;
            var roleText = principal.FindFirst("role")?.Value;
            if (!Enum.TryParse<AccessRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            {
                return (AccessIdentity.Anonymous, "the token names no known role");
            }
            var name = principal.FindFirst("name")?.Value ?? principal.FindFirst("sub")?.Value ?? "token";
            return (new AccessIdentity(name, role, "token"), null);
        }
        if (!options.Enforced && IsLoopback(context))
        {
            return (new AccessIdentity("local", AccessRole.Admin, "local"), null);
        }
        return (AccessIdentity.Anonymous, null);
    }

    private static bool IsLoopback(HttpContext context) => context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    private static string Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "?";
}
