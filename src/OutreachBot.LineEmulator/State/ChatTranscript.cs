using System.Collections.Concurrent;
using System.Text.Json;

namespace OutreachBot.LineEmulator.State;

/// <summary>
/// Everything said in each one-to-one chat, in order: what the citizen sent and what the bot delivered
/// (by reply, push or multicast). The chat page renders it and listens for new lines.
/// </summary>
/// <remarks>
/// A multicast's lines are kept once, with the list of its recipients (the journal's own), and shown in each recipient's
/// chat: a fan-out to a million citizens would otherwise leave millions of objects behind for the collector to trace.
/// Finding a citizen's multicasts reads those lists, which only a chat page does, for one citizen at a time.
/// </remarks>
public sealed class ChatTranscript(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, List<ChatLine>> _lines = new(StringComparer.Ordinal);
    private readonly List<SharedLines> _shared = [];
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

    /// <summary>The bot's messages, in order, to each of <paramref name="userIds"/> (distinct) at once; returns the first one's sequence number.</summary>
    public long AddToMany(string[] userIds, string via, JsonElement messages)
    {
        var contents = messages.EnumerateArray().Select(m => m.Clone()).ToArray();
        var at = time.GetUtcNow();
        SharedLines shared;
        lock (_shared)
        {
            // Numbered under the lock, so that the list stays in sequence order for readers.
            var first = Interlocked.Add(ref _sequence, contents.Length) - contents.Length + 1;
            shared = new SharedLines(first, userIds, via, contents, at);
            _shared.Add(shared);
        }

        if (LineAdded is { } listeners)
        {
            foreach (var userId in userIds)
            {
                foreach (var line in shared.LinesFor(userId))
                {
                    listeners(line);
                }
            }
        }

        return shared.FirstSequence;
    }

    public IReadOnlyList<ChatLine> For(string userId, long afterSequence = 0)
    {
        List<ChatLine> found = [];
        if (_lines.TryGetValue(userId, out var lines))
        {
            lock (lines)
            {
                found.AddRange(lines.Where(l => l.Sequence > afterSequence));
            }
        }

        lock (_shared)
        {
            foreach (var shared in _shared)
            {
                if (Array.IndexOf(shared.Recipients, userId) >= 0)
                {
                    found.AddRange(shared.LinesFor(userId).Where(l => l.Sequence > afterSequence));
                }
            }
        }

        return [.. found.OrderBy(l => l.Sequence)];
    }

    private sealed record SharedLines(long FirstSequence, string[] Recipients, string Via, JsonElement[] Contents, DateTimeOffset At)
    {
        public IEnumerable<ChatLine> LinesFor(string userId) =>
            Contents.Select((content, i) => new ChatLine(FirstSequence + i, userId, ChatSpeaker.Bot, Via, content, At));
    }
}

public enum ChatSpeaker { Citizen, Bot }

/// <summary>One line of a chat: for the bot, <see cref="Content"/> is one LINE message object; for a citizen, the webhook event.</summary>
public sealed record ChatLine(long Sequence, string UserId, ChatSpeaker Speaker, string Via, JsonElement Content, DateTimeOffset At);
