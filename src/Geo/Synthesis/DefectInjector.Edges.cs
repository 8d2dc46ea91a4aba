using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

internal static partial class DefectInjector
{
    private sealed partial class EdgeContext
    {
        /// <summary>
        /// Moves the middle stretch of one chain, in the copy of township A (the chain's left side) only, by up to
        /// <paramref name="meters"/> toward B (negative: away from B), tapered to zero at both ends of the stretch.
        /// </summary>
        public void Displace(string cls, bool sameDistrict, double halfRunMeters, double meters, List<InjectedDefect> defects)
        {
            foreach (var (chain, ai, bi) in Candidates(sameDistrict))
            {
                var a = townships[ai];
                var b = townships[bi];
                var s = chain.Shape;
                var m = s.Length / 2;
                var p = s[m];
                var (k0, k1) = (m, m);
                for (var along = 0.0; k0 > 2 && along < halfRunMeters; k0--)
                {
                    along += s[k0].Distance(s[k0 - 1]);
                }
                for (var along = 0.0; k1 < s.Length - 3 && along < halfRunMeters; k1++)
                {
                    along += s[k1].Distance(s[k1 + 1]);
                }
                if (k0 <= 2 || k1 >= s.Length - 3 || k1 - k0 < 8)
                {
                    continue;
                }
                var outward = Outward(s, m, b.Geometry);
                var map = new Dictionary<(double, double), Coordinate>();
                var length = 0.0;
                for (var k = k0 + 1; k < k1; k++)
                {
                    var w = Math.Pow(Math.Sin(Math.PI * (k - k0) / (k1 - k0)), 2);
                    map[(s[k].X, s[k].Y)] = Mm(s[k].X + outward.X * meters * w, s[k].Y + outward.Y * meters * w);
                }
                for (var k = k0; k < k1; k++)
                {
                    length += s[k].Distance(s[k + 1]);
                }
                var moved = Replace(a.Geometry, map);
                if (!moved.IsValid)
                {
                    continue;
                }
                var at = CityGenerator.Factory.CreatePoint(
                    Mm(p.X + outward.X * LocationOffset(cls, meters), p.Y + outward.Y * LocationOffset(cls, meters))).AsText();
                var area = Math.Round(Math.Abs(moved.Area - a.Geometry.Area), 2);
                string[] codes = cls == DefectClasses.OutsideParent ? [a.Code, a.ParentCode!, b.Code] : [a.Code, b.Code];
                defects.Add(new InjectedDefect(cls, [.. codes], at, area, Math.Abs(meters), Math.Round(length, 2),
                    Note: Describe(cls, a, b, meters)));
                townships[ai] = a with { Geometry = moved };
                Take(a, b);
                return;
            }
        }

        /// <summary>Puts a bow-tie into the outer ring of one township, on the middle segment of one of its chains.</summary>
        public void BowTie(List<InjectedDefect> defects)
        {
            foreach (var (chain, ai, bi) in Candidates(sameDistrict: true))
            {
                var a = townships[ai];
                if (a.Geometry is not Polygon poly)
                {
                    continue;
                }
                var s = chain.Shape;
                var m = s.Length / 2;
                var shell = poly.Shell.Coordinates;
                var j = Array.FindIndex(shell, 0, shell.Length - 1, c => c.Equals2D(s[m]));
                if (j < 0 || (!shell[j + 1].Equals2D(s[m + 1]) && !shell[j + 1].Equals2D(s[m - 1])))
                {
                    continue;
                }
                var (u, v) = (shell[j], shell[j + 1]);
                var len = u.Distance(v);
                if (len < 4)
                {
                    continue;
                }
                var (tx, ty) = ((v.X - u.X) / len, (v.Y - u.Y) / len);
                var (mx, my) = ((u.X + v.X) / 2, (u.Y + v.Y) / 2);
                var q1 = Mm(mx - ty * 0.5 * len + tx * 0.25 * len, my + tx * 0.5 * len + ty * 0.25 * len);
                var q2 = Mm(mx - ty * 0.5 * len - tx * 0.25 * len, my + tx * 0.5 * len - ty * 0.25 * len);
                var ring = shell.Take(j + 1).Append(q1).Append(q2).Concat(shell.Skip(j + 1)).Select(c => c.Copy()).ToArray();
                var f = CityGenerator.Factory;
                var broken = f.CreatePolygon(f.CreateLinearRing(ring), [.. poly.Holes.Select(h => (LinearRing)h.Copy())]);
                var at = f.CreatePoint(Mm(mx - ty * len / 3, my + tx * len / 3)).AsText();
                defects.Add(new InjectedDefect(DefectClasses.SelfIntersection, [a.Code], at, LengthM: Math.Round(len, 3),
                    Note: $"bow-tie of two crossing segments in the outer ring of {a.Name}"));
                townships[ai] = a with { Geometry = broken };
                Take(a, townships[bi]);
                return;
            }
        }

        private static double LocationOffset(string cls, double meters) => cls == DefectClasses.NearMiss ? 0 : meters / 2;

        private static string Describe(string cls, Division a, Division b, double meters) => cls switch
        {
            DefectClasses.Gap => $"{a.Name} pulled back up to {-meters} m from {b.Name}, leaving a hole",
            DefectClasses.Overlap => $"{a.Name} pushed up to {meters} m into {b.Name}",
            DefectClasses.Sliver => $"{a.Name} overlaps {b.Name} by a strip at most {meters} m wide",
            DefectClasses.NearMiss => $"{a.Name}'s copy of the edge with {b.Name} moved by up to {Math.Abs(meters)} m",
            _ => $"{a.Name} pushed up to {meters} m into {b.Name}, outside its district {a.ParentCode}",
        };

        /// <summary>Unit normal at vertex m pointing into <paramref name="b"/>.</summary>
        private static Coordinate Outward(Coordinate[] s, int m, Geometry b)
        {
            var (dx, dy) = (s[m + 1].X - s[m - 1].X, s[m + 1].Y - s[m - 1].Y);
            var len = Math.Sqrt(dx * dx + dy * dy);
            var n = new Coordinate(-dy / len, dx / len);
            var probe = CityGenerator.Factory.CreatePoint(new Coordinate(s[m].X + n.X * 2, s[m].Y + n.Y * 2));
            return b.Contains(probe) ? n : new Coordinate(-n.X, -n.Y);
        }

        private static Coordinate Mm(double x, double y) => new(Math.Round(x * 1000) / 1000, Math.Round(y * 1000) / 1000);

        private static Geometry Replace(Geometry g, Dictionary<(double, double), Coordinate> map)
        {
            var copy = g.Copy();
            copy.Apply(new ReplaceFilter(map));
            copy.GeometryChanged();
            return copy;
        }

        private sealed class ReplaceFilter(Dictionary<(double, double), Coordinate> map) : ICoordinateSequenceFilter
        {
            public bool Done => false;

            public bool GeometryChanged => true;

            public void Filter(CoordinateSequence seq, int i)
            {
                if (map.TryGetValue((seq.GetX(i), seq.GetY(i)), out var c))
                {
                    seq.SetX(i, c.X);
                    seq.SetY(i, c.Y);
                }
            }
        }
    }
}
