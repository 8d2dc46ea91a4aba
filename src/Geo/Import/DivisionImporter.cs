using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Import;

/// <summary>
/// Reads divisions from any supported file and settles their coordinate system: the one the caller gives
/// (the <c>from</c> argument), else the one the file states, else one detected from the coordinate ranges — with axes
/// put back in easting-first order when the file had them swapped. Data whose system cannot be decided is refused
/// with a message that says what to pass.
/// </summary>
public static class DivisionImporter
{
    /// <summary>Reads <paramref name="path"/>; see the type's remarks.</summary>
    /// <exception cref="BoundariesFormatException">The file cannot be read, or its coordinate system cannot be decided.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ImportedDivisions Import(string path, DivisionReadOptions? options = null, CrsCode? from = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DivisionReadOptions.Default;
        if (from is { } given)
        {
            options = options with { Crs = given };
        }
        var read = DivisionFiles.Read(path, options);
        if (from is { } stated)
        {
            return new ImportedDivisions(path, read.Format, read.Set with { Crs = stated }, CrsSource.Given, null, read.Notes);
        }
        if (read.CrsStated)
        {
            return new ImportedDivisions(path, read.Format, read.Set, CrsSource.Stated, null, read.Notes);
        }

        var envelope = new Envelope();
        foreach (var d in read.Set.Divisions)
        {
            envelope.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        var detection = CrsDetector.Detect(envelope);
        if (detection.Crs is not { } detected)
        {
            throw new BoundariesFormatException(
                $"the file states no coordinate system and the coordinate ranges do not decide one ({detection.Reason}). {detection.Ambiguity}",
                path);
        }
        var set = detection.AxesSwapped ? SwapAxes(read.Set) : read.Set;
        return new ImportedDivisions(path, read.Format, set with { Crs = detected }, CrsSource.Detected, detection.Reason, read.Notes);
    }

    private static DivisionSet SwapAxes(DivisionSet set) =>
        set with { Divisions = [.. set.Divisions.Select(d => d with { Geometry = Swapped(d.Geometry) })] };

    private static Geometry Swapped(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new AxisSwapFilter());
        copy.GeometryChanged();
        return copy;
    }

    private sealed class AxisSwapFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
