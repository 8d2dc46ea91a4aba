namespace Boundaries.Cli.Infrastructure;

/// <summary>The language of everything the command prints for a person.</summary>
internal enum Language
{
    English,
    Chinese,
}
