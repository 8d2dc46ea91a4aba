using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// <c>boundaries keys add</c> and <c>boundaries serve --keys … --jwt-secret-file … --anonymous … --audit … --max-body …</c>
/// through the real command in a second process: writes without a key are 401, a surveyor's key on an admin endpoint
/// 403, an admin's key or token reaches the endpoint, a body over <c>--max-body</c> is 413, and the audit file names
/// the key's holder, never the key.
/// </summary>
public sealed class ServeAccessTests
{
    private static readonly string City = Path.Combine(RepoRoot(), "data", "sample", "tianjin-small.gpkg");
    private const string Secret = "cli-test-token-secret-0123456789-abcdefgh";

    [Fact]
    public void KeysAddPrintsTheKeyOnceAndStoresOnlyItsHash()
    {
        using var dir = new TempDir();
        var file = dir.File("keys.txt");
        var run = CliRun.Of("keys", "add", "--keys", file, "--role", "planner", "--name", "王规划", "--lang", "zh-CN");
        Assert.True(run.ExitCode == 0, run.Error);
        var key = run.Out.Trim();
        Assert.StartsWith("bk_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40, key);
        Assert.Contains("不再显示", run.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(file);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        var stored = Assert.Single(Viewer.Security.ApiKeyFile.Read(file));
        Assert.Equal(("王规划", Viewer.Security.AccessRole.Planner), (stored.Name, stored.Role));
        // The oracle for the hash: SHA-256 computed here, independently of ApiKey.Hash.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.Sha256Hex);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var second = CliRun.Of("keys", "add", "--keys", file, "--role", "viewer", "--name", "gis");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.NotEqual(key, second.Out.Trim());
        Assert.Equal(2, Viewer.Security.ApiKeyFile.Read(file).Length);
    }

    [Theory]
    [InlineData("en", "--role", "superuser", "--name", "x", "--role must be viewer")]
    [InlineData("zh-CN", "--role", "admin", "--name", "two words", "不含空白")]
    [InlineData("en", "--role", "admin", "--name", "gis", "already in")]
    public void KeysAddRefusesBadRolesNamesAndDuplicates(string lang, string o1, string v1, string o2, string v2, string expected)
    {
        using var dir = new TempDir();
        var file = dir.File("keys.txt");
        Assert.Equal(0, CliRun.Of("keys", "add", "--keys", file, "--role", "viewer", "--name", "gis").ExitCode);
        var before = File.ReadAllText(file);
        var run = CliRun.Of("keys", "add", "--keys", file, o1, v1, o2, v2, "--lang", lang);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Theory]
    [InlineData("--anonymous", "sometimes", "--anonymous must be loopback")]
    [InlineData("--max-body", "12x", "--max-body must be a size")]
    [InlineData("--timeout", "0", "--timeout must be a positive number")]
    [InlineData("--max-vertices", "0", "--max-vertices must be a positive number")]
    public void ServeRefusesBadAccessAndLimitOptionsWithExit2(string option, string value, string expected)
    {
        var run = CliRun.Of("serve", "--boundaries", City, "--urls", "http://127.0.0.1:0", option, value, "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeRefusesAShortTokenSecretNamingTheFile()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("secret"), "too-short\n");
        var run = CliRun.Of("serve", "--boundaries", City, "--urls", "http://127.0.0.1:0", "--jwt-secret-file", dir.File("secret"), "--lang", "zh-CN");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(dir.File("secret"), run.Error, StringComparison.Ordinal);
        Assert.Contains("至少需要 32 字节", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeWithKeysSecretAuditAndLimitsEnforcesThem()
    {
        using var dir = new TempDir();
        var keys = dir.File("keys.txt");
        var surveyor = CliRun.Of("keys", "add", "--keys", keys, "--role", "surveyor", "--name", "field-app").Out.Trim();
        var admin = CliRun.Of("keys", "add", "--keys", keys, "--role", "admin", "--name", "ops-admin").Out.Trim();
        File.WriteAllText(dir.File("jwt.secret"), Secret + "\n");
        var audit = dir.File("audit.jsonl");
        await using var server = await CliServer.StartAsync(
            "serve", "--boundaries", City, "--urls", "http://127.0.0.1:0", "--lang", "en",
            "--keys", keys, "--jwt-secret-file", dir.File("jwt.secret"), "--anonymous", "never", "--audit", audit, "--max-body", "1k",
            "--max-import-line", "512");
        Assert.Contains("writes need credentials", server.Banner, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, server.Banner, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(client, Apply("{}")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(client, new HttpRequestMessage(HttpMethod.Get, "/api/v1/locate?lon=117.2&lat=39.1")));
        Assert.Equal(HttpStatusCode.OK, await Status(client, new HttpRequestMessage(HttpMethod.Get, "/api/v1/locate?lon=117.2&lat=39.1"), ("X-Api-Key", surveyor)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(client, Apply("{}"), ("X-Api-Key", surveyor)));
        var byAdmin = await Status(client, Apply("{}"), ("X-Api-Key", admin));
        Assert.True(byAdmin is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, byAdmin.ToString());
        var byToken = await Status(client, Apply("{}"), ("Authorization", "Bearer " + Token("赵管理", "admin")));
        Assert.True(byToken is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, byToken.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, await Status(client, Apply("{}"), ("Authorization", "Bearer " + Token("li", "planner"))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Status(client, Apply("{\"pad\":\"" + new string('x', 4096) + "\"}"), ("X-Api-Key", admin)));
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/survey/files?name=walk.nmea") { Content = new StringContent("$GPGGA\n" + new string('9', 600) + "\n") };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Status(client, upload, ("X-Api-Key", surveyor)));

        var lines = File.ReadAllLines(audit).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, a => a.GetProperty("identity").GetString() == "field-app" && a.GetProperty("status").GetInt32() == 403);
        Assert.Contains(lines, a => a.GetProperty("identity").GetString() == "ops-admin" && a.GetProperty("role").GetString() == "admin");
        Assert.Contains(lines, a => a.GetProperty("identity").GetString() == "赵管理" && a.GetProperty("by").GetString() == "token");
        var all = File.ReadAllText(audit) + server.Log;
        foreach (var secret in new[] { surveyor, admin, Secret })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Apply(string body) =>
        new(HttpMethod.Post, "/api/v1/enclaves/apply") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static async Task<HttpStatusCode> Status(HttpClient client, HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        using (request)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
    }

    private static string Token(string name, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "boundaries",
        Audience = "boundaries-api",
        Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("name", name), new Claim("role", role)]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
    });

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found");
    }
}
