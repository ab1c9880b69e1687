using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutreachBot.PublicSite;

namespace OutreachBot.Analytics.Clicks;

/// <summary>
/// Every http(s) link of a broadcast's messages, per channel, as <c>/r/{code}</c> on the bot's public address: the
/// code is 128 random bits stored with the link, so a code nobody was given finds nothing and only URLs a broadcast
/// held are ever redirected to.
/// </summary>
/// <param name="rewrites">Whether citizens reach the bot: <c>Site:PublicBaseUrl</c> is set, or local mode runs it beside the
/// emulator. Otherwise links stay as written.</param>
public sealed partial class ClickLinks(Database database, PublicBaseUrl publicBaseUrl, TimeProvider time, bool rewrites)
{
    public const string PathPrefix = "/r/";

    private static readonly HashSet<string> UrlProperties = ["uri", "linkUri"];

    /// <summary>The stored messages (<c>{"ja": [...], ...}</c>) with each link in texts and actions replaced for <paramref name="channel"/>.</summary>
    public async Task<string> RewriteAsync(long broadcastId, string channel, string messagesJson, CancellationToken cancellationToken)
    {
        if (!rewrites)
        {
            return messagesJson;
        }

        var root = JsonNode.Parse(messagesJson)!;
        var urls = new HashSet<string>(StringComparer.Ordinal);
        Rewrite(root, url =>
        {
            urls.Add(url);
            return url;
        });
        if (urls.Count == 0)
        {
            return messagesJson;
        }

        var links = await CodesAsync(broadcastId, channel, urls, cancellationToken);
        Rewrite(root, url => links[url]);
        return root.ToJsonString();
    }

    /// <summary>The link behind <paramref name="code"/>; null for a code no broadcast was given.</summary>
    public async Task<ClickLink?> FindAsync(string code, CancellationToken cancellationToken) =>
        code.Length is > 0 and <= 64
            ? await database.QuerySingleOrDefaultAsync<ClickLink>(
                "SELECT id, broadcast_id AS BroadcastId, channel, url FROM click_links WHERE code = @Code", new { Code = code }, cancellationToken)
            : null;

    private async Task<Dictionary<string, string>> CodesAsync(long broadcastId, string channel, HashSet<string> urls, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            await database.ExecuteAsync(
                """
                INSERT INTO click_links (code, broadcast_id, channel, url, created_at) VALUES (@Code, @BroadcastId, @Channel, @Url, @Now)
                ON CONFLICT (broadcast_id, channel, url) DO NOTHING
                """,
                new { Code = NewCode(), BroadcastId = broadcastId, Channel = channel, Url = url, Now = time.GetUtcNow() },
                cancellationToken);
            var code = await database.ExecuteScalarAsync<string>(
                "SELECT code FROM click_links WHERE broadcast_id = @BroadcastId AND channel = @Channel AND url = @Url",
                new { BroadcastId = broadcastId, Channel = channel, Url = url },
                cancellationToken);
            links[url] = publicBaseUrl.Link(PathPrefix + code).AbsoluteUri;
        }

        return links;
    }

    private static string NewCode() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Replaces each link-valued action property, and each link in a <c>text</c>, with <paramref name="link"/>'s answer.</summary>
    private static void Rewrite(JsonNode? node, Func<string, string> link)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item, link);
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
                    {
                        Rewrite(value, link);
                    }
                    else if (UrlProperties.Contains(name) && IsWebUrl(text))
                    {
                        obj[name] = link(text);
                    }
                    else if (name == "text")
                    {
                        obj[name] = Url().Replace(text, m => Trimmed(m.Value) is var url && IsWebUrl(url) ? link(url) + m.Value[url.Length..] : m.Value);
                    }
                }

                break;
        }
    }

    /// <summary>A URL in running text without the punctuation that ends its sentence.</summary>
    private static string Trimmed(string match) => match.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'');

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"https?://[^\s<>""'（）「」『』【】、。，．]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}

public sealed record ClickLink
{
    public long Id { get; init; }

    public long BroadcastId { get; init; }

    public required string Channel { get; init; }

    public required string Url { get; init; }
}
