using System.Text.Json;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>Multicast bodies built from ids given as one separated text, sent to the emulator, which checks them as LINE would.</summary>
public sealed class PreparedMulticastTests
{
    private static readonly PreparedMessages Hello = PreparedMessages.Create([TextMessage.Create("こんにちは"), new StickerMessage("446", "1988")]);

    [Fact]
    public async Task Create_SeparatedIds_SendsEachIdAndTheMessagesAsLineReadsThem()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("U1");
        host.Line.AddFollower("U\"2");

        await host.Client.MulticastAsync(PreparedMulticast.Create("U1\nU\"2\nU3", '\n', 3, Hello, notificationDisabled: true), Guid.NewGuid());

        var body = JsonDocument.Parse(Assert.Single(host.Line.Journal.For("/v2/bot/message/multicast")).Body!).RootElement;
        Assert.Equal(["U1", "U\"2", "U3"], body.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["text", "sticker"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("type").GetString()));
        Assert.True(body.GetProperty("notificationDisabled").GetBoolean());
        Assert.Equal(["U\"2", "U1"], host.Line.Journal.Deliveries.Select(d => d.Recipient).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_SameIdsAsTextOrAsList_SameBody()
    {
        await using var host = await LineTestHost.StartAsync();

        await host.Client.MulticastAsync(PreparedMulticast.Create("U1\nU2", '\n', 2, Hello), Guid.NewGuid());
        await host.Client.MulticastAsync(PreparedMulticast.Create(["U1", "U2"], Hello), Guid.NewGuid());

        var bodies = host.Line.Journal.For("/v2/bot/message/multicast").Select(r => r.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.DoesNotContain("notificationDisabled", bodies[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U1\nU2", 3)]
    [InlineData("U1\nU2\nU3", 2)]
    public void Create_CountNotMatchingTheText_Throws(string to, int count) =>
        Assert.Throws<ArgumentException>(() => PreparedMulticast.Create(to, '\n', count, Hello));

    [Fact]
    public void Create_501Ids_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PreparedMulticast.Create(string.Join('\n', Enumerable.Range(0, 501).Select(i => $"U{i}")), '\n', 501, Hello));
}
