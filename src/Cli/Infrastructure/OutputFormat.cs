namespace Boundaries.Cli.Infrastructure;

/// <summary>How a verb renders its result on stdout.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    GeoJson,
}
