namespace Boundaries.Store;

/// <summary>
/// A division cannot be stored: an empty code, a geometry that is not a polygon or multipolygon, a code given twice in
/// one write, a replacement that does not start after the version in force. The write was rolled back whole.
/// </summary>
public sealed class StoreDataException : Exception
{
    /// <summary>Creates the exception; <paramref name="index"/> is the division's 0-based position in the input, when known.</summary>
    public StoreDataException(string reason, string? code = null, int? index = null, Exception? inner = null)
        : base(Compose(reason, code, index), inner)
    {
        Reason = reason;
        Code = code;
        Index = index;
    }

    /// <summary>Why the division cannot be stored.</summary>
    public string Reason { get; }

    /// <summary>The division's code, when it has one.</summary>
    public string? Code { get; }

    /// <summary>The division's 0-based position in the input, when known.</summary>
    public int? Index { get; }

    private static string Compose(string reason, string? code, int? index) =>
        (code, index) switch
        {
            (not null, not null) => $"division #{index} ({code}): {reason}",
            (not null, null) => $"division {code}: {reason}",
            (null, not null) => $"division #{index}: {reason}",
            _ => reason,
        };
}
