using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Store;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// Edits from the map (line edits, splits and merges, enclave applies) written to the store as one change set: every
/// division whose version in force differs from the one last loaded replaces it (or retires it, or is created), based on
/// the version loaded — so an edit made through another server meanwhile is refused as a conflict, never overwritten.
/// The change set takes effect on the date the new versions carry when that is after their base (enclave applies),
/// else on the day of the edit (UTC).
/// </summary>
public sealed partial class StoreBoundarySource
{
    /// <inheritdoc />
    public bool CanSave => true;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">The store cannot be reached; nothing was written.</exception>
    /// <exception cref="ConcurrencyConflictException">A division was changed by another writer since it was loaded; nothing was written.</exception>
    /// <exception cref="StoreDataException">The store refuses a version (e.g. a second change of a division on the day its version began).</exception>
    public async Task SaveAsync(IReadOnlyList<Division> divisions, BoundaryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(change);
        var loaded = _loaded ?? throw new InvalidOperationException("nothing loaded yet");
        // every load makes new Division objects: an edit of an earlier load (a reload ran meanwhile, e.g. after another
        // server's change) shares none with the latest one, and must not be diffed against versions it never saw
        if (!divisions.Any(loaded.Instances.Contains))
        {
            throw new ConcurrencyConflictException(change.Divisions.FirstOrDefault() ?? "?", null,
                "the divisions were reloaded from the store while this edit was made; reload and edit again");
        }
        var before = InForce(loaded.Versions.Select(v => (v.Division, (long?)v.VersionId)));
        var after = InForce(divisions.Select(d => (d, (long?)null)));
        var today = DateOnly.FromDateTime(change.At.UtcDateTime);
        var changes = new List<DivisionChange>();
        DateOnly? dated = null;
        foreach (var code in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(code);
            var next = after.GetValueOrDefault(code);
            if (old.Division is not null && next.Division is not null && Same(old.Division, next.Division))
            {
                continue;
            }
            if (next.Division?.ValidFrom is { } from && (old.Division?.ValidFrom is not { } start || from > start))
            {
                dated = dated is { } d && d > from ? d : from;
            }
            changes.Add(new DivisionChange(code, old.Version, next.Division));
        }
        if (changes.Count == 0)
        {
            return;
        }
        var reason = change.Detail is { Length: > 0 } detail ? $"{change.Reason} ({change.Kind}: {detail})" : change.Reason;
        await _store.ApplyAsync(new ChangeSet(change.Author, reason, dated ?? today, [.. changes]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The versions of the latest load, and its Division objects by reference.</summary>
    private sealed class LoadedVersions(ImmutableArray<StoredDivision> versions)
    {
        public ImmutableArray<StoredDivision> Versions { get; } = versions;

        public HashSet<Division> Instances { get; } = new(versions.Select(v => v.Division), ReferenceEqualityComparer.Instance);
    }

    /// <summary>Per code, the open-ended version (valid_to empty), with its store version id when known.</summary>
    private static Dictionary<string, (Division? Division, long? Version)> InForce(IEnumerable<(Division Division, long? Version)> versions)
    {
        var result = new Dictionary<string, (Division?, long?)>(StringComparer.Ordinal);
        foreach (var (d, v) in versions)
        {
            if (d.ValidTo is null)
            {
                result[d.Code] = (d, v);
            }
        }
        return result;
    }

    private static bool Same(Division a, Division b) =>
        ReferenceEquals(a, b)
        || (a.Name == b.Name && a.Level == b.Level && a.ParentCode == b.ParentCode
            && (ReferenceEquals(a.Geometry, b.Geometry) || a.Geometry.EqualsExact(b.Geometry)));
}
