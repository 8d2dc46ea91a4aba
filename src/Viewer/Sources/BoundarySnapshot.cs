using System.Collections.Frozen;
using System.Collections.Immutable;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// One loaded state of the source: the divisions, the locator built over them, and per level the divisions in code
/// order with their feature ids (OGC API). Immutable; the server swaps whole snapshots on reload.
/// </summary>
internal sealed class BoundarySnapshot
{
    public BoundarySnapshot(IReadOnlyList<Division> divisions, int version, DateTimeOffset loadedAt)
    {
        Locator = DivisionLocator.Build(divisions);
        Encoded = new Api.EncodedDivisions(Locator);
        Version = version;
        LoadedAt = loadedAt;
        var byLevel = new Dictionary<DivisionLevel, ImmutableArray<LevelFeature>>();
        foreach (var group in Locator.Divisions.Select((d, i) => (d, i)).GroupBy(p => p.d.Level))
        {
            var ordered = group.OrderBy(p => p.d.Code, StringComparer.Ordinal).ThenBy(p => p.d.ValidFrom).ToList();
            var repeated = ordered.GroupBy(p => p.d.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            byLevel[group.Key] = [.. ordered.Select(p => new LevelFeature(FeatureId(p.d, repeated.Contains(p.d.Code)), p.i, p.d))];
        }
        Levels = byLevel.ToFrozenDictionary();
    }

    public DivisionLocator Locator { get; }

    /// <summary>Codes, names and level names JSON-encoded once, for the single lookup's answer.</summary>
    public Api.EncodedDivisions Encoded { get; }

    public int Version { get; }

    /// <summary>The source's boundary markers (界桩) in force, lon/lat; empty when it has none.</summary>
    public ImmutableArray<Boundaries.Geo.Enclaves.BoundaryMarker> Markers { get; init; } = [];

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Per level present, its divisions (every version) in code order.</summary>
    public FrozenDictionary<DivisionLevel, ImmutableArray<LevelFeature>> Levels { get; }

    /// <summary>The code; when a level holds several versions of a code, the code and its first day (<c>code@2020-01-01</c>, <c>code@start</c>).</summary>
    private static string FeatureId(Division d, bool versioned) =>
        versioned ? $"{d.Code}@{(d.ValidFrom is { } f ? f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "start")}" : d.Code;
}

/// <summary>A division as an OGC API feature.</summary>
internal sealed record LevelFeature(string Id, int Index, Division Division);
