using Npgsql;

namespace Boundaries.Store.Tests.Support;

/// <summary>
/// The test PostgreSQL + PostGIS: BOUNDARIES_PG when scripts/test.sh set it, else started by <c>scripts/postgis.sh start</c>
/// (idempotent). Each store test gets a fresh database cloned from a template that has PostGIS installed.
/// </summary>
internal static class PostGisServer
{
    private static readonly Lazy<string> Admin = new(Start);
    private static readonly Lazy<string> Template = new(CreateTemplate);

    public static string AdminConnectionString => Admin.Value;

    /// <summary>Starts a server with scripts/postgis.sh (honouring BOUNDARIES_PG_PORT/DIR in <paramref name="environment"/>) and returns its connection string.</summary>
    public static string RunScript(string verb, IDictionary<string, string>? environment = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        info.ArgumentList.Add("scripts/postgis.sh");
        info.ArgumentList.Add(verb);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        using var p = System.Diagnostics.Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgis.sh {verb} failed ({p.ExitCode}): {err.Result}");
        }
        return output.Trim().Split('\n').LastOrDefault() ?? "";
    }

    private static string Start() =>
        Environment.GetEnvironmentVariable("BOUNDARIES_PG") is { Length: > 0 } given ? given : RunScript("start");

    private static string CreateTemplate()
    {
        var name = "boundaries_store_template_" + Guid.NewGuid().ToString("N")[..8];
        Execute(AdminConnectionString, $"CREATE DATABASE {name}");
        Execute(With(AdminConnectionString, name), "CREATE EXTENSION postgis; CREATE EXTENSION btree_gist;");
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    /// <summary>A new, empty database with PostGIS; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "boundaries_store_test_" + Guid.NewGuid().ToString("N")[..12];
        lock (Template)
        {
            Execute(AdminConnectionString, $"CREATE DATABASE {name} TEMPLATE {Template.Value}");
        }
        return With(AdminConnectionString, name);
    }

    public static string With(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ToString();

    public static void Execute(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return command.ExecuteScalar();
    }
}
