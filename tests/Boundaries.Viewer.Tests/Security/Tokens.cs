using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>Signs test tokens with Microsoft.IdentityModel (the library JwtBearer validates with), HMAC-SHA256.</summary>
internal static class Tokens
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    public static string For(string name, string role, string key = SigningKey, string issuer = "boundaries", string audience = "boundaries-api", DateTime? expires = null)
    {
        var handler = new JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("name", name), new Claim("role", role)]),
            NotBefore = expiry < now ? expiry.AddMinutes(-10) : now.AddMinutes(-1),
            IssuedAt = expiry < now ? expiry.AddMinutes(-10) : now.AddMinutes(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
