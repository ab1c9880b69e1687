using System.Text.Json;

namespace OutreachBot.Line.Messaging;

/// <summary>Messages serialized once, for the many multicast bodies that carry them (see <see cref="PreparedMulticast"/>).</summary>
public sealed class PreparedMessages
{
    private PreparedMessages(ReadOnlyMemory<byte> json) => Json = json;

    /// <summary>The JSON array of the messages, as LINE reads it.</summary>
    internal ReadOnlyMemory<byte> Json { get; }

    public static PreparedMessages Create(IReadOnlyList<Message> messages)
    {
        LineMessagingClient.CheckMessages(messages);
        return new PreparedMessages(JsonSerializer.SerializeToUtf8Bytes(messages, LineJsonContext.Default.IReadOnlyListMessage));
    }
}
