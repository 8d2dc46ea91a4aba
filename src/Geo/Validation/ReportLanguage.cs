namespace Boundaries.Geo.Validation;

/// <summary>The language of a rendered report.</summary>
public enum ReportLanguage
{
    /// <summary>English.</summary>
    English = 0,
    /// <summary>Simplified Chinese (zh-CN).</summary>
    Chinese = 1,
}
