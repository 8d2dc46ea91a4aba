using System.Globalization;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// The full-size city in the browser: at the opening zoom every division is there, simplified, and a click-sized hit
/// at a township's inside finds that township; zoomed in on a boundary shared by two townships, both are drawn with
/// their stored vertices (full precision, what editing works on) and the boundary pixel touches both.
/// </summary>
public sealed class FullCityInBrowserTests(FullCityFixture city) : IClassFixture<FullCityFixture>
{
    private const string Settle = "const done = arguments[arguments.length - 1]; window.viewer.whenSettled().then(() => done(true));";

    [Fact]
    public void OpensWithEveryDivisionSimplifiedForTheOpeningZoom()
    {
        var driver = city.Driver;
        Browser.Js(driver, "window.viewer.map.getView().setZoom(window.viewer.openingZoom); window.viewer.map.getView().setCenter(ol.proj.fromLonLat([arguments[0], arguments[1]]));",
            Centre().X, Centre().Y);
        ((IJavaScriptExecutor)driver).ExecuteAsyncScript(Settle);
        var counts = (IReadOnlyDictionary<string, object>)Browser.Js(driver, "return window.viewer.counts;")!;
        foreach (var level in new[] { DivisionLevel.Prefecture, DivisionLevel.District, DivisionLevel.Township })
        {
            Assert.Equal(city.Divisions.Count(d => d.Level == level), Convert.ToInt32(counts[level.Name()], CultureInfo.InvariantCulture));
        }
        var zoom = Convert.ToInt32(Browser.Js(driver, "return window.viewer.openingZoom;"), CultureInfo.InvariantCulture);
        Assert.InRange(zoom, 7, 11);
        // every township at the opening zoom, with far fewer vertices than stored
        var zooms = ((IReadOnlyList<object>)Browser.Js(driver, "return window.viewer.layers.township.getSource().getFeatures().map(f => f.get('_zoom'));")!)
            .Select(z => Convert.ToInt32(z, CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Equal([zoom], zooms);
        var drawn = Convert.ToInt64(Browser.Js(driver, "return window.viewer.layers.township.getSource().getFeatures().reduce((n, f) => n + f.getGeometry().getFlatCoordinates().length / 2, 0);"), CultureInfo.InvariantCulture);
        var stored = city.Divisions.Where(d => d.Level == DivisionLevel.Township).Sum(d => (long)d.Geometry.NumPoints);
        Assert.True(drawn * 10 < stored, $"{drawn} township vertices drawn at zoom {zoom}, {stored} stored");
        // what is drawn is where the township is: a hit at its inside (as a click does) finds it
        foreach (var township in city.Divisions.Where(d => d.Level == DivisionLevel.Township).Where((_, i) => i % 50 == 7))
        {
            var p = township.Geometry.InteriorPoint;
            Assert.Contains(township.Code, CodesAt(p.Coordinate, 0));
        }
    }

    [Fact]
    public void ZoomedInOnASharedBoundaryBothNeighboursAreDrawnAsStored()
    {
        var driver = city.Driver;
        var (left, right, vertex) = SharedVertex();
        Browser.Js(driver, "const v = window.viewer.map.getView(); v.setCenter(ol.proj.fromLonLat([arguments[0], arguments[1]])); v.setZoom(17);", vertex.X, vertex.Y);
        ((IJavaScriptExecutor)driver).ExecuteAsyncScript(Settle);
        foreach (var township in new[] { left, right })
        {
            var got = (IReadOnlyList<object>)Browser.Js(driver,
                "const f = window.viewer.layers.township.getSource().getFeatureById(arguments[0]);" +
                "const g = f.getGeometry().clone().transform('EPSG:3857', 'EPSG:4326'); return [f.get('_zoom'), g.getFlatCoordinates()];", township.Code)!;
            Assert.Equal(15, Convert.ToInt32(got[0], CultureInfo.InvariantCulture));
            var flat = ((IReadOnlyList<object>)got[1]).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
            var coordinates = township.Geometry.Coordinates;
            Assert.Equal(coordinates.Length * 2, flat.Count);
            for (var i = 0; i < coordinates.Length; i++)
            {
                // Web Mercator and back: well under a millimetre (1e-9° ≈ 0.1 mm)
                Assert.True(Math.Abs(flat[2 * i] - coordinates[i].X) < 1e-9 && Math.Abs(flat[2 * i + 1] - coordinates[i].Y) < 1e-9,
                    $"{township.Code} vertex {i}: drawn {flat[2 * i]}, {flat[2 * i + 1]}, stored {coordinates[i].X}, {coordinates[i].Y}");
            }
        }
        var atBoundary = CodesAt(vertex, 2);
        Assert.Contains(left.Code, atBoundary);
        Assert.Contains(right.Code, atBoundary);
        // a little way inside each side (along the normal of the boundary there), only that side's township
        Assert.DoesNotContain(right.Code, CodesAt(Inside(left.Geometry, vertex), 0));
        Assert.DoesNotContain(left.Code, CodesAt(Inside(right.Geometry, vertex), 0));
    }

    private Coordinate Centre() => city.Divisions.Single(d => d.Level == DivisionLevel.Prefecture).Geometry.EnvelopeInternal.Centre;

    /// <summary>The township codes whose drawing is at the pixel of <paramref name="lonLat"/> (OpenLayers' hit detection).</summary>
    private List<string> CodesAt(Coordinate lonLat, int tolerance) =>
        ((IReadOnlyList<object>)Browser.Js(city.Driver,
            "const m = window.viewer.map; const px = m.getPixelFromCoordinate(ol.proj.fromLonLat([arguments[0], arguments[1]])); const codes = [];" +
            "m.forEachFeatureAtPixel(px, f => { codes.push(f.get('code')); }, { hitTolerance: arguments[2], layerFilter: l => l === window.viewer.layers.township }); return codes;",
            lonLat.X, lonLat.Y, tolerance)!).Cast<string>().ToList();

    /// <summary>Two townships and a vertex of the boundary they share, away from any third township.</summary>
    private (Division Left, Division Right, Coordinate Vertex) SharedVertex()
    {
        var townships = city.Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null).ToList();
        var left = townships[townships.Count / 2];
        var own = left.Geometry.Coordinates.ToHashSet();
        foreach (var right in townships.Where(t => t != left && t.Geometry.EnvelopeInternal.Intersects(left.Geometry.EnvelopeInternal)))
        {
            var shared = right.Geometry.Coordinates.Where(own.Contains).Distinct().ToList();
            if (shared.Count < 20)
            {
                continue;
            }
            var vertex = shared[shared.Count / 2];
            var point = new Point(vertex);
            if (townships.Count(t => t.Geometry.EnvelopeInternal.Contains(vertex) && t.Geometry.Distance(point) < 0.001) == 2)
            {
                return (left, right, vertex);
            }
        }
        throw new InvalidOperationException("no two townships of the full city share a boundary away from a third");
    }

    /// <summary>A point about 20 m inside <paramref name="polygon"/> near <paramref name="vertex"/> (at zoom 17, about 40 px).</summary>
    private static Coordinate Inside(Geometry polygon, Coordinate vertex)
    {
        foreach (var angle in Enumerable.Range(0, 16).Select(k => k * Math.PI / 8))
        {
            var c = new Coordinate(vertex.X + 0.00025 * Math.Cos(angle), vertex.Y + 0.00018 * Math.Sin(angle));
            var p = new Point(c);
            if (polygon.Contains(p) && polygon.Boundary.Distance(p) > 0.00012)
            {
                return c;
            }
        }
        throw new InvalidOperationException("no point well inside the township near the vertex");
    }
}
