using System.Collections.Immutable;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.IO;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

/// <summary>The facade: format by extension, and atomic writes.</summary>
public sealed class DivisionFilesTests
{
    public static TheoryData<string> WritableExtensions => ["geojson", "gpkg", "csv"];

    [Theory]
    [MemberData(nameof(WritableExtensions))]
    public void FailedWriteLeavesNoFile(string extension)
    {
        using var dir = new TempDir();
        var target = dir.File("out." + extension);
        Assert.Throws<ArgumentException>(() => DivisionFiles.Write(WithLineStringLast(), target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [MemberData(nameof(WritableExtensions))]
    public void FailedWriteLeavesExistingTargetUntouched(string extension)
    {
        using var dir = new TempDir();
        var target = dir.File("out." + extension);
        DivisionFiles.Write(SampleSet(), target);
        var before = File.ReadAllBytes(target);
        Assert.Throws<ArgumentException>(() => DivisionFiles.Write(WithLineStringLast(), target));
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [MemberData(nameof(WritableExtensions))]
    public void ExceptionMidStreamLeavesExistingTargetUntouched(string extension)
    {
        using var dir = new TempDir();
        var target = dir.File("out." + extension);
        DivisionFiles.Write(SampleSet(), target);
        var before = File.ReadAllBytes(target);
        var set = SampleSet();
        var exploding = set.Divisions[2] with { Attributes = set.Divisions[2].Attributes.SetItem("note", new Exploding()) };
        var bad = set with { Divisions = set.Divisions.SetItem(2, exploding) };
        Assert.Throws<InvalidOperationException>(() => DivisionFiles.Write(bad, target));
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void SuccessfulWriteReplacesTheTarget()
    {
        using var dir = new TempDir();
        var target = dir.File("out.geojson");
        File.WriteAllText(target, "old");
        DivisionFiles.Write(SampleSet(), target);
        Assert.Equal(3, DivisionFiles.Read(target).Set.Divisions.Length);
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void ShapefileWriteAndUnknownExtensionsAreCallerErrors()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => DivisionFiles.Write(SampleSet(), dir.File("a.shp")));
        Assert.Throws<ArgumentException>(() => DivisionFiles.Write(SampleSet(), dir.File("a.kml")));
        Assert.Throws<ArgumentException>(() => DivisionFiles.Read(dir.File("a.xyz")));
        Assert.Throws<FileNotFoundException>(() => DivisionFiles.Read(dir.File("missing.kml")));
        Assert.Throws<FileNotFoundException>(() => DivisionFiles.Read(dir.File("missing.geojson")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    private static DivisionSet WithLineStringLast()
    {
        var set = SampleSet();
        var line = new Division("120101099", "线", DivisionLevel.Township, "120101", new WKTReader().Read("LINESTRING (117 39, 118 40)"));
        return set with { Divisions = set.Divisions.Add(line) };
    }

    /// <summary>An attribute value whose text form throws: a failure in the middle of writing.</summary>
    private sealed class Exploding
    {
        public override string ToString() => throw new InvalidOperationException("forced failure while writing");
    }
}
