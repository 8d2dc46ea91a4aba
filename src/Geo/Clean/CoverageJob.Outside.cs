using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

internal sealed partial class CoverageJob
{
    /// <summary>Point-in-area tests for faces against what is not in the face graph: unchanged members and the parent.</summary>
    private sealed class Outside(CoverageJob job)
    {
        private readonly Dictionary<int, IndexedPointInAreaLocator> locators = [];
        private IndexedPointInAreaLocator? parentLocator;

        public bool CoveredByCleanMember(Face face)
        {
            var p = face.Polygon.InteriorPoint.Coordinate;
            for (var m = 0; m < job.geometries.Length; m++)
            {
                if (Array.IndexOf(job.active, m) >= 0 || !job.geometries[m].EnvelopeInternal.Contains(p))
                {
                    continue;
                }
                if (!locators.TryGetValue(m, out var locator))
                {
                    locator = new IndexedPointInAreaLocator(job.geometries[m]);
                    locators[m] = locator;
                }
                if (locator.Locate(p) == Location.Interior)
                {
                    return true;
                }
            }
            return false;
        }

        public bool InParent(Face face)
        {
            if (job.parent is null)
            {
                return true;
            }
            parentLocator ??= new IndexedPointInAreaLocator(job.parent);
            return parentLocator.Locate(face.Polygon.InteriorPoint.Coordinate) == Location.Interior;
        }
    }
}
