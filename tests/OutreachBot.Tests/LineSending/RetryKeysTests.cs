using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

/// <summary>
/// The keys are pinned: a key already sent (a chat answer handled again, a batch in the ledger) must come out the same
/// after a deploy, or LINE would deliver the retry a second time.
/// </summary>
public sealed class RetryKeysTests
{
    private static readonly Guid Nonce = Guid.Parse("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e");

    [Fact]
    public void From_ASeed_GivesItsPinnedVersion8Key()
    {
        var key = RetryKeys.From("outreachbot-answer:01H0EVENT:0");

        Assert.Equal(Guid.Parse("132a2407-2ace-8f38-b7c6-35968f93d43f"), key);
        Assert.Equal(8, key.Version);
    }

    [Fact]
    public void Derive_ABatch_GivesItsPinnedVersion4Key()
    {
        var key = RetryKeys.Derive(Nonce, 3, 1);

        Assert.Equal(Guid.Parse("72817906-4109-4d8f-ac7a-9c6a800ca3e3"), key);
        Assert.Equal(4, key.Version);
    }

    [Fact]
    public void Derive_NextGeneration_GivesAnotherKey()
    {
        Assert.Equal(Guid.Parse("a07a4475-a11c-4feb-b5a5-1fe59870b8cc"), RetryKeys.Derive(Nonce, 3, 2));
    }
}
