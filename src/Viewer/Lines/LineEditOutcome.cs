using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;

namespace Boundaries.Viewer.Lines;

/// <summary>What <see cref="LineEditor.Apply"/> decided.</summary>
internal abstract record LineEditOutcome
{
    /// <summary>The edit applies cleanly: the full new division list (every version) and the codes changed.</summary>
    public sealed record Applied(ImmutableArray<Division> Divisions, ImmutableArray<string> Changed, int OldVertices, int NewVertices) : LineEditOutcome;

    /// <summary>The line changed (or vanished) since the client read it.</summary>
    public sealed record Conflict(BoundaryLine? Current, string Message) : LineEditOutcome;

    /// <summary>The edit would leave new error findings.</summary>
    public sealed record Blocked(ImmutableArray<Finding> Findings) : LineEditOutcome;

    /// <summary>The request itself is unusable (ends moved, too few vertices, unknown line).</summary>
    public sealed record Invalid(string Message, bool NotFound = false) : LineEditOutcome;
}
