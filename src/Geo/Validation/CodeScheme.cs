namespace Boundaries.Geo.Validation;

/// <summary>Which division codes count as well formed.</summary>
public enum CodeScheme
{
    /// <summary>Chinese statistical division codes (<see cref="Model.DivisionCode"/>): 6, 9 or 12 digits; level and parent follow from the code.</summary>
    China = 0,
    /// <summary>Any non-blank text (FIPS, ISO 3166-2 …): a child's code must start with its parent's code; the level is not checked.</summary>
    Any = 1,
}
