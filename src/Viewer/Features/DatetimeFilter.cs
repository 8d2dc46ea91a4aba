using System.Globalization;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Features;

/// <summary>
/// The OGC API <c>datetime</c> parameter against a division's validity [valid_from, valid_to): an instant (a date
/// or a date-time; the day counts) selects the divisions in force that day; an interval <c>a/b</c> (either end
/// <c>..</c> or empty = open) selects those in force on some day of it.
/// </summary>
internal readonly record struct DatetimeFilter(DateOnly? From, DateOnly? To)
{
    public bool Matches(Division d) =>
        (To is not { } to || d.ValidFrom is not { } f || f <= to)
        && (From is not { } from || d.ValidTo is not { } t || t > from);

    public static bool TryParse(string text, out DatetimeFilter filter)
    {
        filter = default;
        var parts = text.Split('/');
        if (parts.Length == 1)
        {
            if (!TryDay(parts[0], out var day) || day is null)
            {
                return false;
            }
            filter = new DatetimeFilter(day, day);
            return true;
        }
        if (parts.Length != 2 || !TryDay(parts[0], out var a) || !TryDay(parts[1], out var b) || (a is null && b is null) || a > b)
        {
            return false;
        }
        filter = new DatetimeFilter(a, b);
        return true;
    }

    private static bool TryDay(string text, out DateOnly? day)
    {
        day = null;
        if (text is "" or "..")
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            day = DateOnly.FromDateTime(t.UtcDateTime);
            return true;
        }
        return false;
    }
}
