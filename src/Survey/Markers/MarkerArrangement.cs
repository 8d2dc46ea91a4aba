namespace Boundaries.Survey.Markers;

/// <summary>How many pillars mark one place on a line: one (type Q), a pair (A, B), or three (C, D, E).</summary>
public enum MarkerArrangement
{
    /// <summary>A single marker: type letter Q.</summary>
    Single,

    /// <summary>Two markers, one on each side (e.g. of a river): type letters A and B.</summary>
    Double,

    /// <summary>Three markers at a tri-junction area: type letters C, D and E.</summary>
    Triple,
}
