using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Normalize;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Cli.Commands;

/// <summary>A normalize change in the person's language: English keeps the library's detail, Chinese is composed.</summary>
internal static class NormalizeChangeText
{
    public static string Of(Localizer text, NormalizeChange change)
    {
        if (text.Language == Language.English)
        {
            return change.Detail;
        }
        var measure = change.Measure.ToString(change.Kind == NormalizeChangeKind.VerticesSnapped ? "0.###" : "0.##", CultureInfo.InvariantCulture);
        return change.Kind switch
        {
            NormalizeChangeKind.VerticesSnapped => text["normalize.kind.snapped", change.Count, (change.Measure * 1000).ToString("0.###", CultureInfo.InvariantCulture)],
            NormalizeChangeKind.RepeatedVerticesRemoved => text["normalize.kind.repeated", change.Count],
            NormalizeChangeKind.CollapsedPartDropped => text["normalize.kind.collapsed", measure],
            NormalizeChangeKind.InvalidRepaired => text["normalize.kind.repaired", DefectName(text, change.Defect), measure],
            _ => change.Detail,
        };
    }

    private static string DefectName(Localizer text, TopologyValidationErrors? defect) => defect switch
    {
        TopologyValidationErrors.SelfIntersection => text["defect.self_intersection"],
        TopologyValidationErrors.RingSelfIntersection => text["defect.ring_self_intersection"],
        TopologyValidationErrors.HoleOutsideShell => text["defect.hole_outside_shell"],
        TopologyValidationErrors.NestedHoles => text["defect.nested_holes"],
        TopologyValidationErrors.DisconnectedInteriors => text["defect.disconnected_interior"],
        TopologyValidationErrors.NestedShells => text["defect.nested_shells"],
        TopologyValidationErrors.DuplicateRings => text["defect.duplicate_rings"],
        TopologyValidationErrors.TooFewPoints => text["defect.too_few_points"],
        TopologyValidationErrors.RingNotClosed => text["defect.ring_not_closed"],
        _ => text["defect.other"],
    };
}
