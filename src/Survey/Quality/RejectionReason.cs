namespace Boundaries.Survey.Quality;

/// <summary>Why an acceptance policy set a point aside (snake_case in JSON). Stable values.</summary>
public enum RejectionReason
{
    /// <summary>The fix quality is not one the purpose accepts (e.g. float for a marker).</summary>
    QualityNotAccepted = 1,

    /// <summary>The horizontal σ is larger than the purpose allows.</summary>
    SigmaTooLarge = 2,

    /// <summary>The purpose requires a σ and the point has none (no GST, no RTKLIB sd).</summary>
    SigmaUnknown = 3,

    /// <summary>Fewer satellites than the purpose requires.</summary>
    TooFewSatellites = 4,

    /// <summary>HDOP above the purpose's limit.</summary>
    HdopTooHigh = 5,
}
