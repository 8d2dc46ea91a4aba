namespace Boundaries.Geo.Gdal;

/// <summary>One attribute field of a GDAL layer.</summary>
/// <param name="Name">The field name as GDAL reports it (UTF-8).</param>
/// <param name="Type">GDAL's type name: <c>String</c>, <c>Integer</c>, <c>Integer64</c>, <c>Real</c>, <c>Date</c>, <c>DateTime</c> …</param>
public sealed record GdalFieldInfo(string Name, string Type);
