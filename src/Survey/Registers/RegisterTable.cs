using System.Collections.Immutable;

namespace Boundaries.Survey.Registers;

/// <summary>One register: a file name (without extension), a title, column headers and rows of text cells.</summary>
public sealed record RegisterTable(string FileName, string Title, ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows);

/// <summary>The language of register headers and wording.</summary>
public enum RegisterLanguage
{
    /// <summary>Chinese, as the national forms (GB/T 17796) word them. The default.</summary>
    Chinese,

    /// <summary>English.</summary>
    English,
}
