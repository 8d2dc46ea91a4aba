using System.Reflection;
using System.Runtime.CompilerServices;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Tests.CodeQuality;

/// <summary>Every class in Boundaries.Geo is sealed or static unless it is meant to be derived from (STYLE.md §4).</summary>
public sealed class SealedConsistencyTests
{
    // Classes designed for derivation: a refused import (ImportLimitException) is a format error, so callers that catch
    // BoundariesFormatException report it with the file and line like any other unreadable record.
    private static readonly HashSet<string> Allowed = ["Boundaries.Geo.Formats.BoundariesFormatException"];

    [Fact]
    public void EveryConcreteClassIsSealed()
    {
        var open = typeof(Division).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !t.IsNested)
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.StartsWith("Boundaries", StringComparison.Ordinal) == true)
            .Where(t => !Allowed.Contains(t.FullName!))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "not sealed: " + string.Join(", ", open));
    }
}
