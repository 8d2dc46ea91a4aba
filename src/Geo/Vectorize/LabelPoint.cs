using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// A point that names the division it lies in (often the seat of government), as used to label the faces built
/// from linework.
/// </summary>
/// <param name="Code">The division's code; never empty.</param>
/// <param name="Name">Its name; may be empty.</param>
/// <param name="Level">Its level; <c>null</c> = the vectorizer's default level.</param>
/// <param name="ParentCode">Its parent's code; <c>null</c> when unknown.</param>
/// <param name="Location">The point, in the coordinate system given with the labels.</param>
public sealed record LabelPoint(string Code, string Name, DivisionLevel? Level, string? ParentCode, Point Location);
