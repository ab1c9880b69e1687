using System.Data.Common;
using System.Diagnostics;
using Dapper;
using OutreachBot.Conversations;

namespace OutreachBot.Consultations;

/// <summary>
/// Questions staff answer once for all (よくある質問): keywords per language and the answer. A citizen's text that
/// contains a keyword gets the answer at once instead of waiting for staff.
/// Every free text a citizen sends is matched, and the entries change only when staff edit them, so matching reads
/// them from memory: an edit through this instance is seen at once, one through another instance within
/// <see cref="MatchCacheLifetime"/>.
/// </summary>
public sealed class FaqStore(Database database)
{
    internal static readonly TimeSpan MatchCacheLifetime = TimeSpan.FromSeconds(5);

    private readonly Lock _cacheLock = new();
    private MatchCache? _cache;
    private long _edits;

    public async Task<long> CreateAsync(FaqDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await SaveAsync(
            """
            INSERT INTO faq_entries (language, answer, archived, created_at, updated_at)
            VALUES (@Language, @Answer, @Archived, @Now, @Now)
            RETURNING id
            """,
            null,
            draft,
            now,
            cancellationToken))!.Value;

    public async Task<bool> UpdateAsync(long id, FaqDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        await SaveAsync(
            "UPDATE faq_entries SET language = @Language, answer = @Answer, archived = @Archived, updated_at = @Now WHERE id = @Id RETURNING id",
            id,
            draft,
            now,
            cancellationToken) is not null;

    /// <summary>Removes the entry and its keywords; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM faq_keywords WHERE faq_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM faq_entries WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        Edited();
        return deleted == 1;
    }

    public Task<IReadOnlyList<FaqEntry>> ListAsync(bool includeArchived, CancellationToken cancellationToken) =>
        LoadAsync(includeArchived ? "1 = 1" : "NOT f.archived", null, cancellationToken);

    public async Task<FaqEntry?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await LoadAsync("f.id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// The entry whose keyword the text contains, looking in the citizen's language first and then along its
    /// fallbacks (ja-easy → ja); among several, the longest keyword wins, being the most specific.
    /// </summary>
    public async Task<FaqEntry?> MatchAsync(string language, string text, CancellationToken cancellationToken)
    {
        var entries = await CurrentEntriesAsync(cancellationToken);
        var normalized = TextCommands.Normalize(text);
        return TextCatalog.FallbackChain(language)
            .Select(l => entries
                .Where(e => e.Language == l)
                .SelectMany(e => e.Keywords.Where(k => normalized.Contains(k, StringComparison.Ordinal)).Select(k => (Entry: e, k.Length)))
                .OrderByDescending(m => m.Length)
                .Select(m => m.Entry)
                .FirstOrDefault())
            .FirstOrDefault(e => e is not null);
    }

    /// <summary>The entries in use, from memory while they are fresh.</summary>
    private async Task<IReadOnlyList<FaqEntry>> CurrentEntriesAsync(CancellationToken cancellationToken)
    {
        long edits;
        lock (_cacheLock)
        {
            if (_cache is { } cache && Stopwatch.GetElapsedTime(cache.LoadedAt) < MatchCacheLifetime)
            {
                return cache.Entries;
            }

            edits = _edits;
        }

        var loadedAt = Stopwatch.GetTimestamp();
        var entries = await LoadAsync("NOT f.archived", null, cancellationToken);
        lock (_cacheLock)
        {
            // An edit committed while these were read may be missing from them: keep them for this match only.
            if (_edits == edits)
            {
                _cache = new MatchCache(entries, loadedAt);
            }
        }

        return entries;
    }

    private void Edited()
    {
        lock (_cacheLock)
        {
            _edits++;
            _cache = null;
        }
    }

    private static Task<int> WriteKeywordsAsync(DbConnection connection, DbTransaction transaction, long id, IEnumerable<string> keywords, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO faq_keywords (faq_id, keyword) VALUES (@Id, @Keyword)",
            keywords.Select(TextCommands.Normalize).Distinct(StringComparer.Ordinal).Select(k => new { Id = id, Keyword = k }),
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Runs <paramref name="sql"/>, which returns the entry's id (none: nothing to save), and writes its keywords anew,
    /// in one transaction.
    /// </summary>
    private async Task<long?> SaveAsync(string sql, long? id, FaqDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var saved = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            sql, new { Id = id, draft.Language, draft.Answer, draft.Archived, Now = now }, transaction, cancellationToken: cancellationToken));
        if (saved is not { } savedId)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM faq_keywords WHERE faq_id = @Id", new { Id = savedId }, transaction, cancellationToken: cancellationToken));
        await WriteKeywordsAsync(connection, transaction, savedId, draft.Keywords, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Edited();
        return savedId;
    }

    private async Task<IReadOnlyList<FaqEntry>> LoadAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FaqRow>(new CommandDefinition(
            $"SELECT f.id, f.language, f.answer, f.archived FROM faq_entries f WHERE {where} ORDER BY f.id",
            parameters,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var keywords = (await connection.QueryAsync<(long FaqId, string Keyword)>(new CommandDefinition(
            $"SELECT faq_id, keyword FROM faq_keywords WHERE faq_id IN ({string.Join(',', rows.Select(r => r.Id))}) ORDER BY keyword",
            cancellationToken: cancellationToken))).ToLookup(k => k.FaqId, k => k.Keyword);
        return [.. rows.Select(r => new FaqEntry(r.Id, r.Language, [.. keywords[r.Id]], r.Answer, r.Archived))];
    }

    private sealed record MatchCache(IReadOnlyList<FaqEntry> Entries, long LoadedAt);

    private sealed record FaqRow
    {
        public long Id { get; init; }

        public required string Language { get; init; }

        public required string Answer { get; init; }

        public bool Archived { get; init; }
    }
}

/// <param name="Keywords">Normalized as citizens' texts are (NFKC, lower case).</param>
public sealed record FaqEntry(long Id, string Language, IReadOnlyList<string> Keywords, string Answer, bool Archived);

public sealed record FaqDraft(string Language, IReadOnlyList<string> Keywords, string Answer, bool Archived = false);
