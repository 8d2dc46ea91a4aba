using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Enclaves;

/// <summary>Management enclaves from zones: the pieces of a zone that lie in a division other than its manager.</summary>
internal static class ManagementZoneFinder
{
    public static IEnumerable<EnclaveFinding> Find(FinderContext context, List<Division> divisions)
    {
        foreach (var zone in context.Options.ManagementZones)
        {
            foreach (var d in divisions.Where(d => d.Code != zone.Manager && d.Geometry.EnvelopeInternal.Intersects(zone.Geometry.EnvelopeInternal)))
            {
                var piece = d.Geometry.Intersection(zone.Geometry);
                if (piece.IsEmpty || piece.Area <= 0)
                {
                    continue;
                }
                var lonLat = context.LonLat(piece);
                var area = EllipsoidalMeasure.AreaSquareMeters(lonLat);
                if (area < context.Options.MinimumAreaSquareMeters)
                {
                    continue;
                }
                var (note, detail) = EnclaveNotes.Of("managed_zone", EnclaveNotes.Number(area, "0"), d.Code, zone.Manager);
                yield return new EnclaveFinding(d.Code, [zone.Manager], EnclaveClass.Management, 1, context.Level, area, lonLat,
                    new EnclaveEvidence([], 0, -1, d.Geometry.NumGeometries, ManagedBy: zone.Manager,
                        Note: note, Detail: detail));
            }
        }
    }
}
