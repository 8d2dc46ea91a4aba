using System.Collections.Immutable;
using Boundaries.Geo.Validation;
using Boundaries.Store.Survey;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Internal;

/// <summary>The checks and conversions both stores apply to markers, observations and findings.</summary>
internal static class SurveyChecks
{
    public static void CheckMarkers(IReadOnlyList<MarkerRecord> markers)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < markers.Count; i++)
        {
            var m = markers[i] ?? throw new StoreDataException("null marker", index: i);
            if (string.IsNullOrWhiteSpace(m.Number) || string.IsNullOrWhiteSpace(m.LineCode) || m.Geometry is null || m.Geometry.IsEmpty)
            {
                throw new StoreDataException("a marker needs a number, a line code and a position", m.Number, i);
            }
            if (!numbers.Add(m.Number))
            {
                throw new StoreDataException("the marker number appears twice", m.Number, i);
            }
        }
    }

    public static void CheckObservations(IReadOnlyList<SurveyObservation> observations)
    {
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i] ?? throw new StoreDataException("null observation", index: i);
            if (o.Geometry is null || o.Geometry.IsEmpty || string.IsNullOrWhiteSpace(o.Source))
            {
                throw new StoreDataException("an observation needs a position and a source", o.Name, i);
            }
        }
    }

    public static void CheckFindings(IReadOnlyList<Finding> findings)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i]?.Location is null)
            {
                throw new StoreDataException("a finding needs a location", index: i);
            }
        }
    }

    public static bool Same(MarkerRecord a, MarkerRecord b) =>
        a.Type == b.Type && a.LineCode == b.LineCode && a.HeightMeters == b.HeightMeters && a.SigmaHorizontalMeters == b.SigmaHorizontalMeters
        && a.SurveyedOn == b.SurveyedOn && a.Geometry.EqualsExact(b.Geometry);

    public static Finding FindingOf(string code, string severity, string[] divisions, Geometry location, double? measure, string unit, string message) =>
        new(Enum.Parse<FindingCode>(code), Enum.Parse<Severity>(severity), [.. divisions], location, measure, unit, message);
}
