using Boundaries.Geo.Model;

namespace Boundaries.Geo.Vectorize;

/// <summary>The division one pixel value stands for.</summary>
/// <param name="Code">Its code; never empty.</param>
/// <param name="Name">Its name; may be empty.</param>
/// <param name="ParentCode">Its parent's code; <c>null</c> when unknown.</param>
/// <param name="Level">Its level; <c>null</c> = the vectorizer's default.</param>
public sealed record RasterCodeEntry(string Code, string Name, string? ParentCode, DivisionLevel? Level);
