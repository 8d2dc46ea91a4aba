namespace Boundaries.Survey.Markers;

/// <summary>A problem with the numbering of the markers on one line: the number(s) concerned and the reason.</summary>
public sealed record MarkerNumberingIssue(string LineCode, int Sequence, string Reason);
