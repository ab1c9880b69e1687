using System.Collections.Concurrent;

namespace OutreachBot.LineEmulator.State;

/// <summary>
/// The people the emulator plays: their LINE profile and whether they follow the account.
/// The profile endpoint reads it; the chat page and tests write it.
/// </summary>
public sealed class EmulatedUsers
{
    private readonly ConcurrentDictionary<string, EmulatedUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedUser>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public EmulatedUsers() => _bySpan = _users.GetAlternateLookup<ReadOnlySpan<char>>();

    public EmulatedUser GetOrAdd(string userId, string? displayName = null, string? language = null) =>
        _users.GetOrAdd(userId, id => new EmulatedUser(id, displayName ?? id, language ?? "ja"));

    public EmulatedUser? Find(string userId) => _users.TryGetValue(userId, out var user) ? user : null;

    public EmulatedUser? Find(ReadOnlySpan<char> userId) => _bySpan.TryGetValue(userId, out var user) ? user : null;

    public void Update(EmulatedUser user) => _users[user.UserId] = user;

    /// <summary>Every user in no order, read as the walk goes (a million users are not copied first).</summary>
    public IEnumerable<EmulatedUser> Walk() => _users.Select(pair => pair.Value);

    public IReadOnlyList<EmulatedUser> All() => [.. _users.Values.OrderBy(u => u.UserId, StringComparer.Ordinal)];

    public IReadOnlyList<string> FollowerIds() =>
        [.. _users.Values.Where(u => u.Following).Select(u => u.UserId).Order(StringComparer.Ordinal)];
}

public sealed record EmulatedUser(string UserId, string DisplayName, string Language)
{
    public bool Following { get; init; }
    public bool Blocked { get; init; }
    public string? RichMenuId { get; init; }
}
