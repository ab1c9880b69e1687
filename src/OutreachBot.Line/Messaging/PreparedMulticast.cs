using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OutreachBot.Line.Messaging;

/// <summary>
/// A multicast request body serialized ahead of its send. A sender under a rate limit prepares it first and takes its
/// permit last, so that nothing but the request itself stands between the permit and LINE counting it.
/// </summary>
public sealed class PreparedMulticast
{
    private PreparedMulticast(ArraySegment<byte> body) => Body = body;

    internal ArraySegment<byte> Body { get; }

    public static PreparedMulticast Create(IReadOnlyList<string> to, IReadOnlyList<Message> messages, bool notificationDisabled = false) =>
        Create(to, PreparedMessages.Create(messages), notificationDisabled);

    public static PreparedMulticast Create(
        IReadOnlyList<string> to, PreparedMessages messages, bool notificationDisabled = false, string? customAggregationUnit = null)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(messages);
        CheckCount(to.Count, nameof(to));
        CheckUnit(customAggregationUnit);
        var body = new ArrayBufferWriter<byte>(EstimatedSize(to.Count * 40, to.Count, messages));
        using (var writer = StartBody(body))
        {
            foreach (var id in to)
            {
                writer.WriteStringValue(id);
            }

            EndBody(writer, messages, notificationDisabled, customAggregationUnit);
        }

        return new PreparedMulticast(Written(body));
    }

    /// <summary>A body for <paramref name="count"/> recipient ids given as one text, each followed by <paramref name="separator"/> but the last.</summary>
    public static PreparedMulticast Create(
        ReadOnlySpan<char> to, char separator, int count, PreparedMessages messages, bool notificationDisabled = false, string? customAggregationUnit = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        CheckCount(count, nameof(count));
        CheckUnit(customAggregationUnit);
        if (to.Count(separator) != count - 1)
        {
            throw new ArgumentException($"Expected {count} recipient ids separated by '{separator}'.", nameof(to));
        }

        var body = new ArrayBufferWriter<byte>(EstimatedSize(to.Length, count, messages));
        using (var writer = StartBody(body))
        {
            foreach (var range in to.Split(separator))
            {
                writer.WriteStringValue(to[range]);
            }

            EndBody(writer, messages, notificationDisabled, customAggregationUnit);
        }

        return new PreparedMulticast(Written(body));
    }

    private static void CheckCount(int count, string name)
    {
        if (count is 0 or > LineLimits.MulticastRecipients)
        {
            throw new ArgumentOutOfRangeException(name, count, $"Multicast takes 1 to {LineLimits.MulticastRecipients} recipients.");
        }
    }

    private static void CheckUnit(string? unit)
    {
        if (unit is not null && !LineLimits.IsAggregationUnit(unit))
        {
            throw new ArgumentException($"An aggregation unit is 1 to 30 letters, digits or underscores: '{unit}'.", nameof(unit));
        }
    }

    // Room for the ids as they are, their quotes and commas, and the rest: no second buffer for an ordinary body.
    private static int EstimatedSize(int idChars, int count, PreparedMessages messages) => idChars + (count * 3) + messages.Json.Length + 64;

    private static Utf8JsonWriter StartBody(ArrayBufferWriter<byte> body)
    {
        var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteStartArray("to");
        return writer;
    }

    private static void EndBody(Utf8JsonWriter writer, PreparedMessages messages, bool notificationDisabled, string? customAggregationUnit)
    {
        writer.WriteEndArray();
        writer.WritePropertyName("messages");
        writer.WriteRawValue(messages.Json.Span, skipInputValidation: true);
        if (notificationDisabled)
        {
            writer.WriteBoolean("notificationDisabled", true);
        }

        if (customAggregationUnit is not null)
        {
            writer.WriteStartArray("customAggregationUnits");
            writer.WriteStringValue(customAggregationUnit);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static ArraySegment<byte> Written(ArrayBufferWriter<byte> body) =>
        MemoryMarshal.TryGetArray(body.WrittenMemory, out var segment) ? segment : body.WrittenSpan.ToArray();
}
