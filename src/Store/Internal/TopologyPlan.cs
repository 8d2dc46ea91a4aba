using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Store.Lines;

namespace Boundaries.Store.Internal;

/// <summary>
/// What saving a topology build does, decided the same way for both stores from the lines and nodes in force: a line equal
/// to its version in force (sides and geometry vertex for vertex) is left alone, a changed one is closed and replaced on the
/// effective date, a new one created, and a line of a rebuilt level missing from the build retired. The nodes of a level are
/// replaced as a whole when they differ.
/// </summary>
internal sealed record TopologyPlan(
    ImmutableArray<(StoredLine Old, LineRecord? New)> Close,
    ImmutableArray<LineRecord> Create,
    ImmutableArray<DivisionLevel> ReplaceNodesOf,
    DateOnly? Effective,
    int Unchanged)
{
    public static TopologyPlan Make(TopologyRecords build, IReadOnlyList<StoredLine> openLines, IReadOnlyList<StoredNode> openNodes, DateOnly? effective)
    {
        ArgumentNullException.ThrowIfNull(build);
        var levels = build.Lines.Select(l => l.Level).Concat(build.Nodes.Select(n => n.Level)).ToHashSet();
        var open = openLines.Where(l => levels.Contains(l.Line.Level)).ToDictionary(l => l.Line.Code, StringComparer.Ordinal);
        var close = ImmutableArray.CreateBuilder<(StoredLine, LineRecord?)>();
        var create = ImmutableArray.CreateBuilder<LineRecord>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        var index = 0;
        foreach (var line in build.Lines)
        {
            Check(line, index++);
            if (!codes.Add(line.Code))
            {
                throw new StoreDataException("the line code appears twice in the build", line.Code, index - 1);
            }
            if (open.TryGetValue(line.Code, out var head))
            {
                if (Same(head.Line, line))
                {
                    unchanged++;
                    continue;
                }
                NeedsDate(head, effective, line.Code);
                close.Add((head, line));
            }
            else
            {
                create.Add(line);
            }
        }
        foreach (var head in open.Values.Where(h => !codes.Contains(h.Line.Code)).OrderBy(h => h.Line.Code, StringComparer.Ordinal))
        {
            NeedsDate(head, effective, head.Line.Code);
            close.Add((head, null));
        }
        var replaceNodes = ImmutableArray.CreateBuilder<DivisionLevel>();
        foreach (var level in levels.Order())
        {
            var before = openNodes.Where(n => n.Node.Level == level).Select(n => n.Node).ToList();
            var after = build.Nodes.Where(n => n.Level == level).ToList();
            if (before.Count == after.Count && before.Zip(after).All(p => Same(p.First, p.Second)))
            {
                continue;
            }
            if (before.Count > 0 && effective is null)
            {
                throw new StoreDataException($"replacing the {level.Name()} nodes in force needs an effective date");
            }
            replaceNodes.Add(level);
        }
        return new TopologyPlan(close.ToImmutable(), create.ToImmutable(), replaceNodes.ToImmutable(), effective, unchanged);
    }

    public static void Check(LineRecord line, int? index)
    {
        if (line is null)
        {
            throw new StoreDataException("null line", index: index);
        }
        if (string.IsNullOrWhiteSpace(line.Code))
        {
            throw new StoreDataException("empty line code", index: index);
        }
        if (line.Geometry is null || line.Geometry.IsEmpty)
        {
            throw new StoreDataException("the line has no geometry", line.Code, index);
        }
        _ = line.Level.Name();
    }

    private static void NeedsDate(StoredLine head, DateOnly? effective, string code)
    {
        if (effective is not { } e)
        {
            throw new StoreDataException("replacing or retiring the line in force needs an effective date", code);
        }
        if (head.ValidFrom is { } from && e <= from)
        {
            throw new StoreDataException($"effective date {e:yyyy-MM-dd} is not after the start of line version {head.VersionId} ({from:yyyy-MM-dd})", code);
        }
    }

    private static bool Same(LineRecord a, LineRecord b) =>
        a.Level == b.Level && a.Left == b.Left && a.Right == b.Right && a.Geometry.EqualsExact(b.Geometry);

    private static bool Same(NodeRecord a, NodeRecord b) =>
        a.Level == b.Level && a.Degree == b.Degree && a.TouchesOutside == b.TouchesOutside
        && a.Divisions.SequenceEqual(b.Divisions, StringComparer.Ordinal) && a.Geometry.EqualsExact(b.Geometry);
}
