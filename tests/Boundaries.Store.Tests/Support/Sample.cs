using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Tests.Support;

/// <summary>
/// A small hand-made city near Tianjin: district 120101 is the square 117.0–117.2 E, 39.0–39.2 N, split into four township
/// squares 120101001–004 (SW, SE, NW, NE; 004 a multipolygon of two halves).
/// </summary>
internal static class Sample
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    public static Division District(DateOnly? from = null) =>
        new("120101", "和平区", DivisionLevel.District, "120100", Box(117.0, 39.0, 117.2, 39.2), from) { Attributes = ImmutableDictionary<string, object?>.Empty.Add("population", 355000L).Add("note", "样例") };

    public static ImmutableArray<Division> Townships(DateOnly? from = null) =>
    [
        new("120101001", "劝业场街道", DivisionLevel.Township, "120101", Box(117.0, 39.0, 117.1, 39.1), from),
        new("120101002", "小白楼街道", DivisionLevel.Township, "120101", Box(117.1, 39.0, 117.2, 39.1), from),
        new("120101003", "五大道街道", DivisionLevel.Township, "120101", Box(117.0, 39.1, 117.1, 39.2), from),
        new("120101004", "南市街道", DivisionLevel.Township, "120101",
            Factory.CreateMultiPolygon([Box(117.1, 39.1, 117.15, 39.2), Box(117.15, 39.1, 117.2, 39.2)]), from),
    ];

    public static DivisionSet City(DateOnly? from = null) => new([District(from), .. Townships(from)], CrsCode.Cgcs2000);

    /// <summary>The 2023 boundary change: 001 takes the strip 117.1–117.12 from 002.</summary>
    public static DivisionSet Changed2023() => new(
    [
        new("120101001", "劝业场街道", DivisionLevel.Township, "120101", Box(117.0, 39.0, 117.12, 39.1)),
        new("120101002", "小白楼街道", DivisionLevel.Township, "120101", Box(117.12, 39.0, 117.2, 39.1)),
    ], CrsCode.Cgcs2000);

    /// <summary><paramref name="count"/> thin township strips with <paramref name="vertices"/> vertices each, for bulk loads.</summary>
    public static DivisionSet Many(int count, int vertices)
    {
        var list = ImmutableArray.CreateBuilder<Division>(count);
        for (var i = 0; i < count; i++)
        {
            var x0 = 110 + i * 0.001;
            var ring = new List<Coordinate>(vertices + 1);
            for (var k = 0; k < vertices - 3; k++)
            {
                ring.Add(new Coordinate(x0, 30 + k * 1e-5));
            }
            ring.Add(new Coordinate(x0, 31));
            ring.Add(new Coordinate(x0 + 0.0009, 31));
            ring.Add(new Coordinate(x0 + 0.0009, 30));
            ring.Add(new Coordinate(x0, 30));
            var code = "1201" + (10 + i / 500).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + (1 + i % 500).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new Division(code, $"strip {i}", DivisionLevel.Township, null, Factory.CreatePolygon([.. ring])));
        }
        return new DivisionSet(list.MoveToImmutable(), CrsCode.Cgcs2000);
    }
}
