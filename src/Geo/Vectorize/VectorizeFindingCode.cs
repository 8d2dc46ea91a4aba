namespace Boundaries.Geo.Vectorize;

/// <summary>
/// The stable codes of vectorization findings. A <em>dangle</em> is a line end that meets no other line; a
/// <em>face</em> is a region the linework encloses; a <em>label</em> is a point carrying a division's code.
/// </summary>
public enum VectorizeFindingCode
{
    /// <summary>A dangling line end within the tolerance of another line was extended to it (info).</summary>
    UndershootClosed = 1,
    /// <summary>A dangling line piece shorter than the tolerance past a node was removed (info).</summary>
    OvershootTrimmed = 2,
    /// <summary>A dangling line end left after repair: farther than the tolerance from any other line (warning).</summary>
    Dangle = 3,
    /// <summary>A line with the same face on both sides (it ends inside a face at both ends) (warning).</summary>
    CutEdge = 4,
    /// <summary>A face that holds no label point; it is left out of the result (error).</summary>
    FaceWithoutLabel = 5,
    /// <summary>A face that holds labels of two or more different codes; it is left out of the result (error).</summary>
    FaceWithSeveralLabels = 6,
    /// <summary>A label point that lies in no face (outside the linework, or exactly on a line) (error).</summary>
    LabelOutsideFaces = 7,
    /// <summary>A raster value that the code table does not list; its pixels are left out (warning, error when strict).</summary>
    UnknownRasterValue = 8,
}
