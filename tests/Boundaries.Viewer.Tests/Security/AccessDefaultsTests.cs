using System.Net;
using System.Text;
using Boundaries.Geo.Formats;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>The decided defaults (nothing configured: loopback is trusted), anonymous reads switched off, and the keys file.</summary>
public sealed class AccessDefaultsTests
{
    [Fact]
    public async Task WithNothingConfiguredLoopbackCallersReachEveryEndpoint()
    {
        await using var host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions { Urls = "http://127.0.0.1:0" });
        using var client = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
        using var edit = await client.PostAsync("/api/v1/lines/1/edit", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        using var other = await client.PostAsync("/api/v1/changesets/1/apply", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task WithAnonymousNeverEvenLookupsNeedAKey()
    {
        const string key = "k-4c1d";
        await using var host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Access = new AccessOptions { ApiKeys = [ApiKey.For("sys", AccessRole.Viewer, key)], Anonymous = AnonymousAccess.Never },
        });
        using var client = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
        using var anonymous = await client.GetAsync("/api/v1/locate?lon=117.2&lat=39.1");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var zh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/lines/1/edit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        zh.Headers.Add("X-Api-Key", key);
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var forbidden = await client.SendAsync(zh);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("无权操作", problem.GetProperty("title").GetString());
        Assert.Contains("角色“viewer”没有该权限", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locate?lon=117.2&lat=39.1");
        request.Headers.Add("X-Api-Key", key);
        using var withKey = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task KeysFileHoldsHashesAndItsErrorsNameLineAndField()
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-keys-").FullName;
        try
        {
            var path = Path.Combine(dir, "keys.txt");
            // Oracle for the hash: sha256sum from coreutils.
            var expected = Sha256Oracle.Sha256Hex("s3cret-key");
            File.WriteAllText(path, $"# name role sha256\n\nplanning-office planner {expected}\n");
            var keys = ApiKeyFile.Read(path);
            Assert.Equal(new ApiKey("planning-office", AccessRole.Planner, expected), Assert.Single(keys));

            await using var host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
            {
                Urls = "http://127.0.0.1:0",
                Access = new AccessOptions { KeysFile = path },
            });
            using var client = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/lines/1/edit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", "s3cret-key");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

            File.WriteAllText(path, "ok viewer " + expected + "\nbad planner s3cret-key-in-clear\n");
            var ex = Assert.Throws<BoundariesFormatException>(() => ApiKeyFile.Read(path));
            Assert.Equal(2, ex.Line);
            Assert.Equal("sha256", ex.Field);
            Assert.Equal(path, ex.Path);
            Assert.DoesNotContain("s3cret-key-in-clear", ex.Message, StringComparison.Ordinal);
            File.WriteAllText(path, "x root " + expected + "\n");
            Assert.Equal("role", Assert.Throws<BoundariesFormatException>(() => ApiKeyFile.Read(path)).Field);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
