namespace Boundaries.Store.Survey;

/// <summary>A stored survey observation.</summary>
/// <param name="Observation">The observation.</param>
/// <param name="Id">The row's id.</param>
/// <param name="CreatedBy">The change set that stored it.</param>
public sealed record StoredObservation(SurveyObservation Observation, long Id, long CreatedBy);
