using System.Globalization;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.CommandLine;

/// <summary>Reads <c>--expires-at</c>: an ISO 8601 instant (UTC unless it says otherwise) or a last day.</summary>
public static class ExpiryArgument
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static Outcome<DateTimeOffset> Parse(string text)
    {
        var trimmed = text.Trim();
        // A date alone reads as in the console's date picker: the token works through that whole day, UTC.
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var lastDay))
            return Outcome<DateTimeOffset>.Success(TokenExpiry.EndOfDay(lastDay));
        if (DateTimeOffset.TryParseExact(trimmed, InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var instant))
            return Outcome<DateTimeOffset>.Success(instant);

        return Outcome<DateTimeOffset>.Fail(
            $"--expires-at '{text}' is not an ISO 8601 date or time, such as 2027-01-31 or 2027-01-31T18:00:00Z");
    }
}
