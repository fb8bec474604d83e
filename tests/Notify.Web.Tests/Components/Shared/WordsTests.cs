using Notify.Web.Components.Shared;

namespace Notify.Web.Tests.Components.Shared;

public sealed class WordsTests
{
    [Theory]
    [InlineData(1, "hour", null, "1 hour")]
    [InlineData(2, "hour", null, "2 hours")]
    [InlineData(0, "message", null, "0 messages")]
    [InlineData(2, "person", null, "2 people")]
    [InlineData(3, "batch", null, "3 batches")]
    [InlineData(1200, "address", null, "1,200 addresses")]
    [InlineData(3, "SMS", "SMS", "3 SMS")]
    [InlineData(2, "new person", "new people", "2 new people")]
    public void Count_SaysTheNumberWithTheRightForm(int n, string one, string? many, string expected) =>
        Assert.Equal(expected, Words.Count(n, one, many));

    [Theory]
    [InlineData("order", "orders")]
    [InlineData("batch", "batches")]
    [InlineData("delivery", "deliveries")]
    public void Plural_OfARecordType(string type, string expected) => Assert.Equal(expected, Words.Plural(type));
}
