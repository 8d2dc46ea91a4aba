using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Boundaries.Viewer.Security;

/// <summary>Wires access control into the host: token validation services, then the access middleware.</summary>
internal static class AccessSetup
{
    public static void AddServices(IServiceCollection services, AccessOptions options)
    {
        if (options.TokenSigningKey is not { } secret)
        {
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
        {
            throw new ArgumentException("the token signing key must be at least 32 bytes", nameof(options));
        }
        services.AddAuthentication().AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.IncludeErrorDetails = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.TokenIssuer,
                ValidAudience = options.TokenAudience,
                IssuerSigningKey = new SymmetricSecurityKey(bytes),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                RoleClaimType = "role",
                NameClaimType = "name",
            };
        });
    }

    /// <summary>Builds the access middleware (keys file read once); <see cref="Use"/> puts it in the pipeline.</summary>
    public static AccessMiddleware Create(AccessOptions options, ILoggerFactory logs)
    {
        var keys = options.ApiKeys.IsDefault ? ImmutableArray<ApiKey>.Empty : options.ApiKeys;
        if (options.KeysFile is { } file)
        {
            keys = keys.AddRange(ApiKeyFile.Read(file));
        }
        var logger = logs.CreateLogger("Boundaries.Viewer.Access");
        return new AccessMiddleware(options, keys, new AuditTrail(logger, options.AuditFile), logger);
    }

    public static void Use(WebApplication app, AccessMiddleware middleware) =>
        app.Use(next => context => middleware.InvokeAsync(context, next));
}
