using OutreachBot.Broadcasts.Fanout;

namespace OutreachBot.Tests.Broadcasts;

public sealed class RecipientListTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("U1", 1)]
    [InlineData("U1\nU2\nU3", 3)]
    public void Parse_StoredText_CountsTheIds(string joined, int count) => Assert.Equal(count, RecipientList.Parse(joined).Count);

    [Theory]
    [InlineData("U1", "U1\nU2\nU3", "U2\nU3", 2)]
    [InlineData("U2", "U1\nU2\nU3", "U1\nU3", 2)]
    [InlineData("U3", "U1\nU2\nU3", "U1\nU2", 2)]
    [InlineData("U1,U3", "U1\nU2\nU3", "U2", 1)]
    [InlineData("U1,U2,U3", "U1\nU2\nU3", "", 0)]
    [InlineData("U4,U22", "U1\nU2\nU3", "U1\nU2\nU3", 3)]
    public void Without_SomeGone_KeepsTheOthersInOrder(string gone, string joined, string kept, int count)
    {
        var left = RecipientList.Parse(joined).Without(gone.Split(',').ToHashSet(StringComparer.Ordinal));

        Assert.Equal(new RecipientList(kept, count), left);
    }

    [Fact]
    public void Without_NobodyGone_SameText() =>
        Assert.Same("U1\nU2", RecipientList.Parse("U1\nU2").Without(new HashSet<string>(StringComparer.Ordinal)).Joined);
}
