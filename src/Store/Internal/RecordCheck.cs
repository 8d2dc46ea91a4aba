using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Internal;

/// <summary>The checks every store applies to a division as it writes it (the same in both stores).</summary>
internal static class RecordCheck
{
    public static void Check(Division d, int? index)
    {
        if (d is null)
        {
            throw new StoreDataException("null division", index: index);
        }
        if (string.IsNullOrWhiteSpace(d.Code))
        {
            throw new StoreDataException("empty code", index: index);
        }
        if (d.Geometry is not (Polygon or MultiPolygon))
        {
            throw new StoreDataException($"geometry is {d.Geometry?.GeometryType ?? "missing"}; a division is a Polygon or MultiPolygon", d.Code, index);
        }
        if (d.ValidFrom is { } from && d.ValidTo is { } to && from >= to)
        {
            throw new StoreDataException($"valid_from {from:yyyy-MM-dd} is not before valid_to {to:yyyy-MM-dd}", d.Code, index);
        }
        _ = d.Level.Name();
    }

    public static void CheckSet(DivisionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Crs != Geo.Crs.CrsCode.Cgcs2000)
        {
            throw new ArgumentException($"the store keeps EPSG:4490; transform the set from {set.Crs} first", nameof(set));
        }
    }

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);
}
