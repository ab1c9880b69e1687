using System.Collections.Concurrent;
using System.Text.Json;

namespace OutreachBot.LineEmulator.State;

/// <summary>
/// Everything said in each one-to-one chat, in order: what the citizen sent and what the bot delivered
/// (by reply, push or multicast). The chat page renders it and listens for new lines.
/// </summary>
public sealed class ChatTranscript(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, List<ChatLine>> _lines = new(StringComparer.Ordinal);
    private long _sequence;

    public event Action<ChatLine>? LineAdded;

    public ChatLine Add(string userId, ChatSpeaker speaker, string via, JsonElement content)
    {
        var line = new ChatLine(Interlocked.Increment(ref _sequence), userId, speaker, via, content.Clone(), time.GetUtcNow());
        var lines = _lines.GetOrAdd(userId, _ => []);
        lock (lines)
        {
            lines.Add(line);
        }

        LineAdded?.Invoke(line);
        return line;
    }

    public IReadOnlyList<ChatLine> For(string userId, long afterSequence = 0)
    {
        if (!_lines.TryGetValue(userId, out var lines))
        {
            return [];
        }

        lock (lines)
        {
            return [.. lines.Where(l => l.Sequence > afterSequence)];
        }
    }
}

public enum ChatSpeaker { Citizen, Bot }

/// <summary>One line of a chat: for the bot, <see cref="Content"/> is one LINE message object; for a citizen, the webhook event.</summary>
public sealed record ChatLine(long Sequence, string UserId, ChatSpeaker Speaker, string Via, JsonElement Content, DateTimeOffset At);
