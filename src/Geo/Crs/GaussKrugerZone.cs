using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Crs;

/// <summary>
/// Picks the CGCS2000 3-degree Gauss-Krüger zone for data in lon/lat: the zone whose central meridian (3 × zone °E) is
/// nearest the centre longitude of the data's envelope. Zones run from 25 (75°E) to 45 (135°E); data west or east of
/// that range is clamped to the edge zone.
/// </summary>
public static class GaussKrugerZone
{
    /// <summary>
    /// The 3-degree zone (25–45) for an envelope in lon/lat degrees: <see cref="CrsCode.ZoneOfLongitude"/> of its centre.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="lonLatEnvelope"/> is null.</exception>
    /// <exception cref="ArgumentException">The envelope is empty (no coordinates to choose from).</exception>
    public static int ForEnvelope(Envelope lonLatEnvelope)
    {
        ArgumentNullException.ThrowIfNull(lonLatEnvelope);
        if (lonLatEnvelope.IsNull)
        {
            throw new ArgumentException("the envelope is empty: no coordinates to choose a zone from", nameof(lonLatEnvelope));
        }
        return CrsCode.ZoneOfLongitude((lonLatEnvelope.MinX + lonLatEnvelope.MaxX) / 2);
    }

    /// <summary>
    /// The metric system for geometries in lon/lat degrees: the Gauss-Krüger system of the zone of their combined
    /// envelope, EPSG:4534–4554 (false easting 500 000) by default or EPSG:4513–4533 (zone-prefixed easting) when
    /// <paramref name="zonePrefixed"/> is true.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="lonLatGeometries"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no geometries, or all are empty.</exception>
    public static CrsCode MetricCrsFor(IEnumerable<Geometry> lonLatGeometries, bool zonePrefixed = false)
    {
        ArgumentNullException.ThrowIfNull(lonLatGeometries);
        var envelope = new Envelope();
        foreach (var g in lonLatGeometries)
        {
            if (g is not null)
            {
                envelope.ExpandToInclude(g.EnvelopeInternal);
            }
        }
        if (envelope.IsNull)
        {
            throw new ArgumentException("no non-empty geometry to choose a zone from", nameof(lonLatGeometries));
        }
        return CrsCode.GaussKruger(ForEnvelope(envelope), zonePrefixed);
    }

    /// <summary>The metric system for one geometry in lon/lat degrees; see <see cref="MetricCrsFor(IEnumerable{Geometry}, bool)"/>.</summary>
    public static CrsCode MetricCrsFor(Geometry lonLatGeometry, bool zonePrefixed = false)
    {
        ArgumentNullException.ThrowIfNull(lonLatGeometry);
        return MetricCrsFor([lonLatGeometry], zonePrefixed);
    }
}
