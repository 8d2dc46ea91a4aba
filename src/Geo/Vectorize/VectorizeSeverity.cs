namespace Boundaries.Geo.Vectorize;

/// <summary>How much a vectorization finding matters.</summary>
public enum VectorizeSeverity
{
    /// <summary>A repair that was made by the stated rule (an undershoot closed, an overshoot trimmed).</summary>
    Info = 0,
    /// <summary>Something a person should look at, but the result is usable (a dangle left, an unknown pixel value).</summary>
    Warning = 1,
    /// <summary>The result is incomplete: a face could not be given a division, or a label found no face.</summary>
    Error = 2,
}
