using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Boundaries.Survey.Markers;

/// <summary>
/// A boundary-marker (界桩) number: the line code (4–12 digits), a 3-digit sequence along the line (001–999) and a
/// type letter — Q single; A, B double; C, D, E triple. Example: line <c>1201120104</c>, sequence 1, single
/// → <c>1201120104001Q</c>. Construction rejects a bad value with the reason.
/// </summary>
public readonly record struct MarkerNumber
{
    /// <summary>Shortest accepted line code.</summary>
    public const int MinLineCodeLength = 4;

    /// <summary>Longest accepted line code.</summary>
    public const int MaxLineCodeLength = 12;

    /// <summary>Creates a number; throws <see cref="ArgumentException"/> with the reason when a part is invalid.</summary>
    public MarkerNumber(string lineCode, int sequence, char type)
    {
        if (Problem(lineCode, sequence, type) is { } reason)
        {
            throw new ArgumentException(reason);
        }
        LineCode = lineCode;
        Sequence = sequence;
        Type = type;
    }

    /// <summary>The code of the boundary line the marker stands on.</summary>
    public string LineCode { get; }

    /// <summary>The position along the line, 1–999.</summary>
    public int Sequence { get; }

    /// <summary>The type letter: Q, A, B, C, D or E.</summary>
    public char Type { get; }

    /// <summary>Single, double or triple, from the type letter.</summary>
    public MarkerArrangement Arrangement => ArrangementOf(Type);

    /// <summary>Parses a marker number; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static MarkerNumber Parse(string text) =>
        TryParse(text, out var number, out var reason) ? number : throw new FormatException($"'{text}' is not a marker number: {reason}");

    /// <summary>Parses a marker number; false with the reason (in English) when it is not one.</summary>
    public static bool TryParse(string? text, out MarkerNumber number, [NotNullWhen(false)] out string? reason)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "empty";
            return false;
        }
        var t = text.Trim();
        if (t.Length < MinLineCodeLength + 4)
        {
            reason = $"too short: line code ({MinLineCodeLength}–{MaxLineCodeLength} digits) + 3-digit sequence + type letter";
            return false;
        }
        var type = t[^1];
        var seq = t[^4..^1];
        var line = t[..^4];
        if (!seq.All(char.IsAsciiDigit))
        {
            reason = $"the sequence '{seq}' is not 3 digits";
            return false;
        }
        reason = Problem(line, int.Parse(seq, CultureInfo.InvariantCulture), type);
        if (reason is not null)
        {
            return false;
        }
        number = new MarkerNumber(line, int.Parse(seq, CultureInfo.InvariantCulture), type);
        return true;
    }

    /// <summary>The arrangement of a type letter; throws <see cref="ArgumentOutOfRangeException"/> for another letter.</summary>
    public static MarkerArrangement ArrangementOf(char type) => type switch
    {
        'Q' => MarkerArrangement.Single,
        'A' or 'B' => MarkerArrangement.Double,
        'C' or 'D' or 'E' => MarkerArrangement.Triple,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "marker type letters are Q, A, B, C, D, E"),
    };

    /// <summary>The type letters of an arrangement: "Q", "AB" or "CDE".</summary>
    public static string LettersOf(MarkerArrangement arrangement) => arrangement switch
    {
        MarkerArrangement.Single => "Q",
        MarkerArrangement.Double => "AB",
        MarkerArrangement.Triple => "CDE",
        _ => throw new ArgumentOutOfRangeException(nameof(arrangement)),
    };

    /// <summary>The number as written: line code, zero-padded sequence, type letter.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LineCode}{Sequence:000}{Type}");

    private static string? Problem(string? lineCode, int sequence, char type)
    {
        if (lineCode is null || lineCode.Length < MinLineCodeLength || lineCode.Length > MaxLineCodeLength)
        {
            return $"the line code must have {MinLineCodeLength}–{MaxLineCodeLength} digits (got {lineCode?.Length ?? 0})";
        }
        if (!lineCode.All(char.IsAsciiDigit))
        {
            return $"the line code '{lineCode}' must be digits only";
        }
        if (sequence is < 1 or > 999)
        {
            return $"the sequence {sequence} is outside 001–999";
        }
        if ("QABCDE".IndexOf(type, StringComparison.Ordinal) < 0)
        {
            return $"the type letter '{type}' is not one of Q (single), A/B (double), C/D/E (triple)";
        }
        return null;
    }
}
