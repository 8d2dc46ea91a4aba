namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Gives every township a 9-digit code whose serial class matches its name suffix (街道 001–099, 镇 100–199,
/// 乡 200–399, 开发区/农场 400–599) and a name from distinct stems, unique within its district. Urban districts
/// have streets only; outer districts have streets nearest their centre, then towns, 乡 in rural districts, and
/// one quasi-township unit farthest out.
/// </summary>
internal static class TownshipNamer
{
    public static void Name(DistrictPlan plan, long seed)
    {
        var n = plan.DistrictOfLabel.Count;
        var codes = new string[n];
        var names = new string[n];
        for (var d = 0; d < plan.DistrictCodes.Length; d++)
        {
            var members = Enumerable.Range(0, n).Where(t => plan.DistrictOfLabel[t] == d).ToList();
            var cx = members.Average(t => plan.Centroids[t].X);
            var cy = members.Average(t => plan.Centroids[t].Y);
            members = [.. members.OrderBy(t => Math.Pow(plan.Centroids[t].X - cx, 2) + Math.Pow(plan.Centroids[t].Y - cy, 2)).ThenBy(t => t)];
            var stems = TianjinNames.Stems.ToList();
            Rng.For(seed, 5, d).Shuffle(stems);
            var m = members.Count;
            int streets, quasi, xiang;
            if (plan.Urban[d])
            {
                (streets, quasi, xiang) = (m, 0, 0);
            }
            else
            {
                streets = Math.Max(1, (int)Math.Round(0.2 * m));
                quasi = m >= 6 ? 1 : 0;
                xiang = TianjinNames.HasXiang(plan.DistrictCodes[d]) ? (int)Math.Round(0.15 * m) : 0;
            }
            var towns = m - streets - quasi - xiang;
            for (var r = 0; r < m; r++)
            {
                var (serial, suffix) =
                    r < streets ? (1 + r, "街道")
                    : r < streets + towns ? (100 + r - streets, "镇")
                    : r < streets + towns + xiang ? (200 + r - streets - towns, "乡")
                    : (400 + r - streets - towns - xiang, d % 2 == 0 ? "开发区" : "农场");
                var t = members[r];
                codes[t] = plan.DistrictCodes[d].ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                names[t] = stems[r % stems.Count] + suffix;
            }
        }
        plan.Codes.Clear();
        plan.Codes.AddRange(codes);
        plan.Names.Clear();
        plan.Names.AddRange(names);
    }
}
