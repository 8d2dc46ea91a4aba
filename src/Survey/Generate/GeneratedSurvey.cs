using System.Collections.Immutable;

namespace Boundaries.Survey.Generate;

/// <summary>
/// A generated survey campaign: the files a field crew would bring back (<c>markers.csv</c> with every marker
/// occupation; one NMEA log per district, <c>walk-DDDDDD.nmea</c>) and the ground truth they were made from.
/// </summary>
/// <param name="Files">The files, by name, as text (ASCII/UTF-8).</param>
/// <param name="Truth">What the files should be found to say.</param>
public sealed record GeneratedSurvey(ImmutableArray<GeneratedSurveyFile> Files, SurveyTruth Truth);

/// <summary>One generated file.</summary>
/// <param name="Name">File name (no folder).</param>
/// <param name="Text">Its content.</param>
public sealed record GeneratedSurveyFile(string Name, string Text);
