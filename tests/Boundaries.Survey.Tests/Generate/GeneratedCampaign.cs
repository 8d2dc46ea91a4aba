using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Survey.Generate;

namespace Boundaries.Survey.Tests.Generate;

/// <summary>The small sample city (seed 1) and its generated survey written to a temporary folder, shared by the tests.</summary>
public sealed class GeneratedCampaign : IDisposable
{
    public GeneratedCampaign()
    {
        Divisions = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Small }).Divisions;
        Survey = SurveyGenerator.Generate(Divisions, new SurveyGenerationOptions { Seed = 1 });
        Folder = Path.Combine(Path.GetTempPath(), "boundaries-survey-" + Guid.NewGuid().ToString("N"));
        GeneratedSurveyWriter.Write(Survey, Folder);
    }

    public DivisionSet Divisions { get; }

    public GeneratedSurvey Survey { get; }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
