using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>What happened to a division of a lower level when a piece changed hands above it.</summary>
public enum ChildChangeKind
{
    /// <summary>The child lay wholly in the piece: it moved to the receiver with a new code under the receiver's prefix.</summary>
    Moved,
    /// <summary>The piece cut the child: the cut part was merged into the receiver's child that shares the longest border with it (codes unchanged).</summary>
    Merged,
}

/// <summary>A change a transfer carries down to a lower level.</summary>
/// <param name="Level">The level of the child.</param>
/// <param name="Kind">Moved whole, or its cut part merged.</param>
/// <param name="OldCode">The child's code before.</param>
/// <param name="NewCode">Moved: its new code; Merged: the code of the receiver's child that took the cut part.</param>
/// <param name="OldParent">The parent before (the giving division, or a child of it one level down).</param>
/// <param name="NewParent">The parent after.</param>
/// <param name="AreaShare">The share (0–1) of the child's area that changed parent: 1 for Moved.</param>
public sealed record ChildChange(DivisionLevel Level, ChildChangeKind Kind, string OldCode, string NewCode, string OldParent, string NewParent, double AreaShare);

/// <summary>
/// Carries a transfer down the levels, so "children tile parents" and "code prefix = parent" still hold: when a piece
/// of division A (level L) goes to division B, each child of A (level L+1) lying wholly in the piece is re-parented to B
/// with a new code — the next free serial under B in the child's serial class (<see cref="DivisionCode"/>: street
/// 001–099, town 100–199, township 200–399, quasi-township 400–599; villages 001–199 / 200–399), its own children
/// renamed by prefix; a child the piece cuts gives the cut part to B's child that shares the longest border with the
/// cut part, and the same rule is applied one level further down to the cut part. Codes that are not national division
/// codes (a FIPS code) are kept on a move, only the parent changes.
/// </summary>
public static class ChildCarrier
{
    /// <summary>Applies the carry to <paramref name="divisions"/> in place (same order, same count; changed entries replaced).</summary>
    /// <param name="divisions">Every division of the set.</param>
    /// <param name="level">The level of the giving and receiving divisions.</param>
    /// <param name="from">The giving division's code.</param>
    /// <param name="to">The receiving division's code.</param>
    /// <param name="piece">The piece, in the set's CRS.</param>
    /// <param name="precision">The set's grid.</param>
    /// <returns>What changed below <paramref name="level"/>, top level first.</returns>
    /// <exception cref="InvalidOperationException">A cut child has no child of the receiver to merge into, or a serial class is full.</exception>
    public static ImmutableArray<ChildChange> Carry(List<Division> divisions, DivisionLevel level, string from, string to, Geometry piece, PrecisionModel precision)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(piece);
        var changes = ImmutableArray.CreateBuilder<ChildChange>();
        CarryInto(divisions, level, from, to, piece, precision, changes);
        return changes.ToImmutable();
    }

    private static void CarryInto(List<Division> divisions, DivisionLevel level, string from, string to, Geometry piece, PrecisionModel precision, ImmutableArray<ChildChange>.Builder changes)
    {
        if (level >= DivisionLevel.Community)
        {
            return;
        }
        var childLevel = level + 1;
        var tiny = piece.Area * 1e-9;
        var children = Enumerable.Range(0, divisions.Count)
            .Where(i => divisions[i].Level == childLevel && divisions[i].ParentCode == from && divisions[i].Geometry.EnvelopeInternal.Intersects(piece.EnvelopeInternal))
            .ToList();
        foreach (var c in children)
        {
            var child = divisions[c];
            var inside = Overlay(child.Geometry, piece, SpatialFunction.Intersection, precision);
            if (inside.Area <= tiny)
            {
                continue;
            }
            var rest = Overlay(child.Geometry, piece, SpatialFunction.Difference, precision);
            if (rest.Area <= tiny)
            {
                var newCode = NextCode(divisions, childLevel, to, child.Code);
                divisions[c] = child with { Code = newCode, ParentCode = to };
                changes.Add(new ChildChange(childLevel, ChildChangeKind.Moved, child.Code, newCode, from, to, 1));
                Rename(divisions, childLevel + 1, child.Code, newCode, changes);
                continue;
            }
            var receiver = LongestBorder(divisions, childLevel, to, inside)
                ?? throw new InvalidOperationException($"{child.Code} is cut by the piece moving from {from} to {to}, but no division of level {childLevel.Name()} under {to} borders the cut part");
            divisions[c] = child with { Geometry = Single(rest) };
            divisions[receiver] = divisions[receiver] with { Geometry = Single(Overlay(divisions[receiver].Geometry, inside, SpatialFunction.Union, precision)) };
            changes.Add(new ChildChange(childLevel, ChildChangeKind.Merged, child.Code, divisions[receiver].Code, from, to,
                Math.Round(inside.Area / child.Geometry.Area, 6)));
            CarryInto(divisions, childLevel, child.Code, divisions[receiver].Code, inside, precision, changes);
        }
    }

    /// <summary>The children of a moved division get the new prefix (their serials kept) and the new parent.</summary>
    private static void Rename(List<Division> divisions, DivisionLevel level, string oldParent, string newParent, ImmutableArray<ChildChange>.Builder changes)
    {
        if (level > DivisionLevel.Community)
        {
            return;
        }
        for (var i = 0; i < divisions.Count; i++)
        {
            var d = divisions[i];
            if (d.Level != level || d.ParentCode != oldParent)
            {
                continue;
            }
            var code = d.Code.StartsWith(oldParent, StringComparison.Ordinal) ? newParent + d.Code[oldParent.Length..] : d.Code;
            divisions[i] = d with { Code = code, ParentCode = newParent };
            changes.Add(new ChildChange(level, ChildChangeKind.Moved, d.Code, code, oldParent, newParent, 1));
            Rename(divisions, level + 1, d.Code, code, changes);
        }
    }

    /// <summary>
    /// The next free code under <paramref name="parent"/> in the serial class of <paramref name="oldCode"/>: one past the
    /// highest serial of that class in use under the parent (any level), else the lowest free one of the class, else the
    /// class's first serial. Not a national code (or the parent is not): the old code, kept.
    /// </summary>
    internal static string NextCode(IReadOnlyList<Division> divisions, DivisionLevel level, string parent, string oldCode)
    {
        if (!DivisionCode.TryParse(oldCode, out var old, out _) || !DivisionCode.TryParse(parent, out var p, out _)
            || old.Digits.Length != p.Digits.Length + 3 || old.Digits.Length is not (9 or 12))
        {
            return oldCode;
        }
        var serial = int.Parse(old.Digits.AsSpan(old.Digits.Length - 3), CultureInfo.InvariantCulture);
        var (lo, hi) = old.Digits.Length == 9
            ? serial switch { <= 99 => (1, 99), <= 199 => (100, 199), <= 399 => (200, 399), _ => (400, 599) }
            : serial switch { <= 199 => (1, 199), <= 399 => (200, 399), _ => (400, 999) };
        var used = new HashSet<int>();
        foreach (var d in divisions)
        {
            if (d.Code.Length == old.Digits.Length && d.Code.StartsWith(p.Digits, StringComparison.Ordinal)
                && int.TryParse(d.Code.AsSpan(p.Digits.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                used.Add(s);
            }
        }
        var inClass = used.Where(s => s >= lo && s <= hi).ToList();
        var next = inClass.Count == 0 ? lo : inClass.Max() + 1;
        if (next > hi)
        {
            next = Enumerable.Range(lo, hi - lo + 1).FirstOrDefault(s => !used.Contains(s));
            if (next == 0)
            {
                throw new InvalidOperationException($"no free serial {lo:000}–{hi:000} under {parent} for {oldCode} ({level.Name()})");
            }
        }
        return p.Digits + next.ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>Index of the division of <paramref name="level"/> under <paramref name="parent"/> sharing the longest border with <paramref name="part"/>.</summary>
    private static int? LongestBorder(List<Division> divisions, DivisionLevel level, string parent, Geometry part)
    {
        var boundary = part.Boundary;
        int? best = null;
        var bestLength = 0.0;
        for (var i = 0; i < divisions.Count; i++)
        {
            var d = divisions[i];
            if (d.Level != level || d.ParentCode != parent || !d.Geometry.EnvelopeInternal.Intersects(part.EnvelopeInternal))
            {
                continue;
            }
            double length;
            try
            {
                length = OverlayNG.Overlay(boundary, d.Geometry.Boundary, SpatialFunction.Intersection, part.PrecisionModel).Length;
            }
            catch (TopologyException)
            {
                length = OverlayNGRobust.Overlay(boundary, d.Geometry.Boundary, SpatialFunction.Intersection).Length;
            }
            if (length > bestLength)
            {
                bestLength = length;
                best = i;
            }
        }
        return best;
    }

    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op, PrecisionModel precision)
    {
        try
        {
            return OverlayNG.Overlay(a, b, op, precision);
        }
        catch (TopologyException)
        {
            return OverlayNG.Overlay(GeometryFixer.Fix(a), GeometryFixer.Fix(b), op, precision);
        }
    }

    private static Geometry Single(Geometry g) => g.NumGeometries == 1 ? g.GetGeometryN(0) : g;
}
