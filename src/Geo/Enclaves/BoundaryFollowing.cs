using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>Share of a new boundary (metric lines) that lies within the follow tolerance of a road or river.</summary>
internal static class BoundaryFollowing
{
    public static double? Share(OptionContext ctx, Geometry newLines)
    {
        var length = newLines.Length;
        if (ctx.Inputs is not { } inputs || ctx.LineIndex is null || length <= 0)
        {
            return null;
        }
        var window = new Envelope(newLines.EnvelopeInternal);
        window.ExpandBy(inputs.FollowToleranceMeters);
        var local = ctx.LineIndex.Query(window);
        if (local.Count == 0)
        {
            return 0;
        }
        var near = newLines.Factory.BuildGeometry(local).Buffer(inputs.FollowToleranceMeters);
        return Math.Round(OverlayNGRobust.Overlay(newLines, near, SpatialFunction.Intersection).Length / length, 4);
    }
}
