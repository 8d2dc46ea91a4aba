namespace Boundaries.Viewer.Lines;

/// <summary>The body of <c>POST /api/v1/lines/{id}/edit</c> (snake_case JSON).</summary>
/// <param name="Level">The level of the line (<c>township</c> …).</param>
/// <param name="BaseVersion">The line's <c>version</c> as read from <c>GET /api/v1/lines</c>; a different current version is a conflict.</param>
/// <param name="Coordinates">The new vertices, CGCS2000 [lon, lat]; first and last must be the line's end nodes.</param>
/// <param name="Author">Who edits; required.</param>
/// <param name="Reason">Why; required.</param>
public sealed record LineEditRequest(string? Level, string? BaseVersion, double[][]? Coordinates, string? Author, string? Reason);
