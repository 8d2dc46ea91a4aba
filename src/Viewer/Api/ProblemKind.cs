namespace Boundaries.Viewer.Api;

/// <summary>The kinds of RFC 7807 problem the API answers with; each has a stable type URI and texts in English and Chinese.</summary>
internal enum ProblemKind
{
    InvalidCoordinate,
    UnknownCrs,
    InvalidDate,
    InvalidSigma,
    InvalidBbox,
    InvalidLimit,
    InvalidDatetime,
    InvalidBody,
    UnsupportedMediaType,
    NotFound,
    ImportLineTooLong,
    StoreUnavailable,
    StoreConflict,
    StoreRejected,
    InvalidZoom,
    TooManyVertices,
}
