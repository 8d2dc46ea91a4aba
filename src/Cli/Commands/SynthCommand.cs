using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Synthesis;
using Boundaries.Survey.Generate;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries synth --seed N --size small|full [--dirty] --output CITY.gpkg</c>: the sample city, in CGCS2000
/// lon/lat, and beside it <c>CITY.truth.json</c>, the manifest of what was built and injected.
/// </summary>
internal static class SynthCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = new Option<long>("--seed") { Description = "random seed / 随机种子", DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { Description = "small or full / 规模：small 或 full", DefaultValueFactory = _ => "small" };
        size.AcceptOnlyFromAmong("small", "full");
        var dirty = new Option<bool>("--dirty") { Description = "inject every defect and enclave class / 注入全部缺陷与飞地类型" };
        var districtEnclaves = new Option<bool>("--district-enclaves") { Description = "also inject district-level enclaves (a township part and a whole township inside another district) / 同时注入区级飞地" };
        var target = new Option<string>("--output", "-o") { Description = "output file (.gpkg, .geojson, .csv) / 输出文件", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "generate, write nothing / 只生成不写出" };
        var survey = new Option<bool>("--survey") { Description = "also write a field survey (markers, NMEA walk logs, truth) to CITY.survey/ / 同时生成外业测量数据" };
        var command = new Command("synth", "Generate the sample city with known answers / 生成带真值的样例城市") { seed, size, dirty, districtEnclaves, target, dryRun, survey };
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var citySize = p.GetValue(size) == "full" ? CitySize.Full : CitySize.Small;
            var isDirty = p.GetValue(dirty);
            context.Progress("synth.generating",
                context.Text[citySize == CitySize.Full ? "synth.size.full" : "synth.size.small"],
                p.GetValue(seed),
                isDirty ? context.Text["synth.dirty"] : "");
            var city = CityGenerator.Generate(new CityOptions
            {
                Seed = p.GetValue(seed),
                Size = citySize,
                Dirty = (isDirty ? DirtyOptions.All : DirtyOptions.None) with { DistrictEnclave = p.GetValue(districtEnclaves) },
            });
            var outPath = p.GetValue(target)!;
            var truthPath = TruthPathFor(outPath);
            var lonLat = new ImportedDivisions(outPath, "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
            if (!p.GetValue(dryRun))
            {
                DivisionFiles.Write(lonLat, outPath);
                GroundTruthJson.Write(city.Truth, truthPath);
                // roads, river, address points (with their managing unit) and facilities for enclave scoring
                ScoringLayersJson.Write(ScoringLayersGenerator.Generate(city, p.GetValue(seed)), ScoringLayersJson.PathFor(outPath));
            }
            context.Error.WriteLine(context.Text["synth.wrote", outPath, lonLat.Divisions.Length, lonLat.VertexCount(), truthPath]);
            if (p.GetValue(survey))
            {
                // from the lon/lat set as written, so reading the file back gives the same lines and line codes
                var campaign = SurveyGenerator.Generate(lonLat, new SurveyGenerationOptions { Seed = p.GetValue(seed) });
                var surveyDir = SurveyPathFor(outPath);
                if (!p.GetValue(dryRun))
                {
                    GeneratedSurveyWriter.Write(campaign, surveyDir);
                }
                context.Error.WriteLine(context.Text["synth.survey", surveyDir, campaign.Truth.Markers.Length, campaign.Files.Length - 1]);
            }
            if (city.Truth.Defects.Length > 0)
            {
                context.Error.WriteLine(context.Text["synth.defects",
                    string.Join(", ", city.Truth.Defects.GroupBy(d => d.Class).Select(g => $"{g.Key} ×{g.Count()}"))]);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>city.gpkg</c> → the folder <c>city.survey</c>, beside it.</summary>
    public static string SurveyPathFor(string outPath) =>
        Path.Combine(Path.GetDirectoryName(outPath) ?? "", Path.GetFileNameWithoutExtension(outPath) + ".survey");

    /// <summary><c>city.gpkg</c> → <c>city.truth.json</c>, beside it.</summary>
    public static string TruthPathFor(string outPath) =>
        Path.Combine(Path.GetDirectoryName(outPath) ?? "", Path.GetFileNameWithoutExtension(outPath) + ".truth.json");
}
