using System.Collections.Immutable;

namespace Boundaries.Survey.Generate;

/// <summary>The fix quality a generated walk logs over a stretch.</summary>
internal enum WalkQuality
{
    Fixed,
    Float,
    Dgps,
    NoFix,
}

/// <summary>A stretch of a walk, in metres along the line, logged with one quality.</summary>
internal sealed record Stretch(double From, double To, WalkQuality Quality);

/// <summary>One continuous walk along a line from <see cref="From"/> to <see cref="To"/> metres, RTK fixed except the stretches.</summary>
internal sealed record WalkSegment(double From, double To, ImmutableArray<Stretch> Stretches);
