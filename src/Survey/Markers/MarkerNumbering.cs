using System.Collections.Immutable;

namespace Boundaries.Survey.Markers;

/// <summary>Checks and generates the marker numbers of boundary lines.</summary>
public static class MarkerNumbering
{
    /// <summary>
    /// Numbers for consecutive places along one line, starting at <paramref name="firstSequence"/>: one number for a
    /// single place (Q), two for a double (A, B), three for a triple (C, D, E).
    /// </summary>
    public static ImmutableArray<MarkerNumber> Generate(string lineCode, IEnumerable<MarkerArrangement> places, int firstSequence = 1)
    {
        ArgumentNullException.ThrowIfNull(places);
        var result = ImmutableArray.CreateBuilder<MarkerNumber>();
        var sequence = firstSequence;
        foreach (var place in places)
        {
            foreach (var letter in MarkerNumber.LettersOf(place))
            {
                result.Add(new MarkerNumber(lineCode, sequence, letter));
            }
            sequence++;
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Checks a set of numbers: no duplicates; at each line and sequence exactly the letters of one arrangement
    /// (Q; A and B; C, D and E); sequences of a line run 1, 2, 3 … without gaps. Empty when all is well.
    /// </summary>
    public static ImmutableArray<MarkerNumberingIssue> Check(IEnumerable<MarkerNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var issues = ImmutableArray.CreateBuilder<MarkerNumberingIssue>();
        var seen = new HashSet<MarkerNumber>();
        var places = new SortedDictionary<(string Line, int Sequence), SortedSet<char>>();
        foreach (var n in numbers)
        {
            if (!seen.Add(n))
            {
                issues.Add(new MarkerNumberingIssue(n.LineCode, n.Sequence, $"{n} appears more than once"));
                continue;
            }
            if (!places.TryGetValue((n.LineCode, n.Sequence), out var letters))
            {
                places[(n.LineCode, n.Sequence)] = letters = [];
            }
            letters.Add(n.Type);
        }
        foreach (var ((line, sequence), letters) in places)
        {
            var have = string.Concat(letters);
            var arrangement = MarkerNumber.ArrangementOf(letters.Min);
            var want = MarkerNumber.LettersOf(arrangement);
            if (have != want)
            {
                issues.Add(new MarkerNumberingIssue(line, sequence,
                    $"{line}{sequence:000} has type letters {have}; a place takes Q, or A and B, or C, D and E"));
            }
        }
        foreach (var group in places.Keys.GroupBy(k => k.Line))
        {
            var expected = 1;
            foreach (var (_, sequence) in group)
            {
                if (sequence != expected)
                {
                    issues.Add(new MarkerNumberingIssue(group.Key, sequence,
                        $"line {group.Key}: sequence {sequence:000} follows {expected - 1:000}; {expected:000}–{sequence - 1:000} are missing"));
                }
                expected = sequence + 1;
            }
        }
        return issues.ToImmutable();
    }
}
