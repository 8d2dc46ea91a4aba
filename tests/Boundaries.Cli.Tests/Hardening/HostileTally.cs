using System.Text.Json;

namespace Boundaries.Cli.Tests.Hardening;

/// <summary>
/// Counts the hostile inputs the hardening tests try (corpus files and generated ones), the crashes (an exception or
/// answer outside the documented ones) and the lost writes (a refused write that changed the store). When the
/// collection ends it writes <c>hostile-inputs.json</c> beside the test assembly, which the README quotes.
/// </summary>
public sealed class HostileTally : IDisposable
{
    private long _inputs;
    private long _crashes;
    private long _lostWrites;
    private readonly Dictionary<string, long> _byArea = new(StringComparer.Ordinal);

    public static string ReportPath => Path.Combine(AppContext.BaseDirectory, "hostile-inputs.json");

    public void Tried(string area, bool crashed = false, bool lostWrite = false)
    {
        lock (_byArea)
        {
            _inputs++;
            _crashes += crashed ? 1 : 0;
            _lostWrites += lostWrite ? 1 : 0;
            _byArea[area] = _byArea.GetValueOrDefault(area) + 1;
        }
    }

    public void Dispose()
    {
        lock (_byArea)
        {
            File.WriteAllText(ReportPath, JsonSerializer.Serialize(new
            {
                inputs = _inputs,
                crashes = _crashes,
                lost_writes = _lostWrites,
                by_area = _byArea.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
                at = DateTimeOffset.UtcNow.ToString("O"),
            }, new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}

/// <summary>The tests that share one <see cref="HostileTally"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileTally>
{
    public const string Name = "hostile inputs";
}
