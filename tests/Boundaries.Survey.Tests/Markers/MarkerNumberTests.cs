using Boundaries.Survey.Markers;

namespace Boundaries.Survey.Tests.Markers;

public sealed class MarkerNumberTests
{
    [Theory]
    [InlineData("1201120104001Q", "1201120104", 1, 'Q', MarkerArrangement.Single)]
    [InlineData("1213017A", "1213", 17, 'A', MarkerArrangement.Double)]
    [InlineData("120101120102999E", "120101120102", 999, 'E', MarkerArrangement.Triple)]
    public void ParsesValidNumber(string text, string line, int sequence, char type, MarkerArrangement arrangement)
    {
        var n = MarkerNumber.Parse(text);
        Assert.Equal(line, n.LineCode);
        Assert.Equal(sequence, n.Sequence);
        Assert.Equal(type, n.Type);
        Assert.Equal(arrangement, n.Arrangement);
        Assert.Equal(text, n.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1213001", "too short")]
    [InlineData("1213001X", "type letter 'X'")]
    [InlineData("121300AQ", "sequence '00A'")]
    [InlineData("1213000Q", "sequence 0")]
    [InlineData("12A3001Q", "digits only")]
    [InlineData("1234567890123001Q", "4–12 digits")]
    public void RejectsBadNumberWithReason(string text, string reason)
    {
        Assert.False(MarkerNumber.TryParse(text, out _, out var why));
        Assert.Contains(reason, why);
        var ex = Assert.Throws<FormatException>(() => MarkerNumber.Parse(text));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void ConstructorRejectsBadParts()
    {
        Assert.Throws<ArgumentException>(() => new MarkerNumber("1213", 1000, 'Q'));
        Assert.Throws<ArgumentException>(() => new MarkerNumber("121", 1, 'Q'));
        Assert.Throws<ArgumentException>(() => new MarkerNumber("1213", 1, 'F'));
    }

    [Fact]
    public void GeneratesNumbersThatCheckClean()
    {
        var numbers = MarkerNumbering.Generate("1201120104",
            [MarkerArrangement.Single, MarkerArrangement.Double, MarkerArrangement.Triple, MarkerArrangement.Single]);
        Assert.Equal(["1201120104001Q", "1201120104002A", "1201120104002B", "1201120104003C", "1201120104003D", "1201120104003E", "1201120104004Q"],
            numbers.Select(n => n.ToString()));
        Assert.Empty(MarkerNumbering.Check(numbers));
    }

    [Fact]
    public void CheckFindsIncompletePairMixedTypesDuplicatesAndGaps()
    {
        var numbers = new[] { "1213001Q", "1213002A", "1213003Q", "1213003C", "1213001Q", "1213005Q" }.Select(MarkerNumber.Parse);
        var issues = MarkerNumbering.Check(numbers);
        Assert.Contains(issues, i => i.Sequence == 1 && i.Reason.Contains("more than once"));
        Assert.Contains(issues, i => i.Sequence == 2 && i.Reason.Contains("type letters A"));
        Assert.Contains(issues, i => i.Sequence == 3 && i.Reason.Contains("type letters CQ"));
        Assert.Contains(issues, i => i.Sequence == 5 && i.Reason.Contains("004–004 are missing"));
        Assert.Equal(4, issues.Length);
    }
}
