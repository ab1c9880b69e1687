using System.Text.Json;

namespace OutreachBot.Line.Messaging;

/// <summary>
/// A multicast request body serialized ahead of its send. A sender under a rate limit prepares it first and takes its
/// permit last, so that nothing but the request itself stands between the permit and LINE counting it.
/// </summary>
public sealed class PreparedMulticast
{
    private PreparedMulticast(byte[] body) => Body = body;

    internal byte[] Body { get; }

    public static PreparedMulticast Create(IReadOnlyList<string> to, IReadOnlyList<Message> messages, bool notificationDisabled = false)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Count is 0 or > LineLimits.MulticastRecipients)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to.Count, $"Multicast takes 1 to {LineLimits.MulticastRecipients} recipients.");
        }

        LineMessagingClient.CheckMessages(messages);
        var body = JsonSerializer.SerializeToUtf8Bytes(new MulticastRequest(to, messages, notificationDisabled ? true : null), LineJsonContext.Default.MulticastRequest);
        return new PreparedMulticast(body);
    }
}
