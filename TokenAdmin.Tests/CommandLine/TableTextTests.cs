using TokenAdmin.CommandLine;

namespace TokenAdmin.Tests.CommandLine;

public sealed class TableTextTests
{
    [Fact]
    public void ColumnsStayInPlaceWhenAFieldHoldsATabOrLineBreak()
    {
        var row = TableText.Row("7", "odd\tname\r\n", "Account Admin");

        Assert.Equal(["7", "odd name  ", "Account Admin"], row.Split('\t'));
    }

    [Fact]
    public void InstantIsWrittenInIso8601UtcWhenItHasAnOffset()
    {
        var text = TableText.Instant(new DateTimeOffset(2027, 1, 31, 18, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal("2027-01-31T16:30:05Z", text);
    }
}
