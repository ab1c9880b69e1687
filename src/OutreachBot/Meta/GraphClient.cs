using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace OutreachBot.Meta;

public sealed record GraphPage(string Id, string Name, long FollowersCount);

public sealed record GraphInstagramAccount(string Id, string Username, long FollowersCount);

public sealed record GraphPost(string Id, string Message, DateTimeOffset CreatedTime, string? Permalink);

public sealed record GraphPhoto(string PhotoId, string PostId);

public sealed record PublishingLimit(int QuotaUsage, int QuotaTotal);

/// <summary>
/// Our own small client of Meta's Graph API (no maintained .NET SDK exists): the Page's and the Instagram account's
/// calls the bot makes, the Page access token in the <c>Authorization</c> header of each (never in a URL, so never in
/// a log). A refusal is a <see cref="GraphApiException"/>; no answer is a <see cref="GraphUnansweredException"/>.
/// </summary>
public sealed class GraphClient(HttpClient http, IOptionsMonitor<MetaOptions> options)
{
    public async Task<GraphPage> GetPageAsync(string pageId, string token, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(pageId)}?fields=name,followers_count", token, null, cancellationToken);
        return new GraphPage(String(json, "id") ?? pageId, String(json, "name") ?? "", Long(json, "followers_count"));
    }

    public async Task<GraphInstagramAccount> GetInstagramAccountAsync(string igUserId, string token, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(igUserId)}?fields=username,followers_count", token, null, cancellationToken);
        return new GraphInstagramAccount(String(json, "id") ?? igUserId, String(json, "username") ?? "", Long(json, "followers_count"));
    }

    /// <summary><c>POST /{page-id}/feed</c>: the new post's id.</summary>
    public async Task<string> PostToFeedAsync(string pageId, string token, string message, string? link, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["message"] = message };
        if (link is not null)
        {
            form["link"] = link;
        }

        return String(await SendAsync(HttpMethod.Post, $"{Escape(pageId)}/feed", token, form, cancellationToken), "id")!;
    }

    /// <summary><c>POST /{page-id}/photos</c> with the image's URL and the caption.</summary>
    public async Task<GraphPhoto> PostPhotoAsync(string pageId, string token, string imageUrl, string caption, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Post, $"{Escape(pageId)}/photos", token, new() { ["url"] = imageUrl, ["caption"] = caption }, cancellationToken);
        return new GraphPhoto(String(json, "id")!, String(json, "post_id") ?? $"{pageId}_{String(json, "id")}");
    }

    /// <summary>The Page's latest posts, newest first.</summary>
    public async Task<IReadOnlyList<GraphPost>> RecentPostsAsync(string pageId, string token, int limit, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(pageId)}/posts?fields=id,message,created_time,permalink_url&limit={limit}", token, null, cancellationToken);
        return [.. json.GetProperty("data").EnumerateArray().Select(p => new GraphPost(
            String(p, "id")!, String(p, "message") ?? "", Time(String(p, "created_time")), String(p, "permalink_url")))];
    }

    /// <summary>Changes a Page post's text (<c>message</c>) or an Instagram media's <c>caption</c>.</summary>
    public Task EditAsync(string objectId, string token, string field, string text, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Escape(objectId), token, new() { [field] = text }, cancellationToken);

    public Task DeleteAsync(string objectId, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Escape(objectId), token, null, cancellationToken);

    /// <summary><c>POST /{ig-user-id}/media</c>: the container's id.</summary>
    public async Task<string> CreateContainerAsync(string igUserId, string token, string imageUrl, string caption, CancellationToken cancellationToken) =>
        String(await SendAsync(HttpMethod.Post, $"{Escape(igUserId)}/media", token, new() { ["image_url"] = imageUrl, ["caption"] = caption }, cancellationToken), "id")!;

    /// <summary>The container's <c>status_code</c>: IN_PROGRESS, FINISHED, PUBLISHED, ERROR or EXPIRED.</summary>
    public async Task<string> ContainerStatusAsync(string containerId, string token, CancellationToken cancellationToken) =>
        String(await SendAsync(HttpMethod.Get, $"{Escape(containerId)}?fields=status_code", token, null, cancellationToken), "status_code") ?? "";

    /// <summary><c>POST /{ig-user-id}/media_publish</c>: the media's id.</summary>
    public async Task<string> PublishContainerAsync(string igUserId, string token, string containerId, CancellationToken cancellationToken) =>
        String(await SendAsync(HttpMethod.Post, $"{Escape(igUserId)}/media_publish", token, new() { ["creation_id"] = containerId }, cancellationToken), "id")!;

    public async Task<IReadOnlyList<GraphPost>> RecentMediaAsync(string igUserId, string token, int limit, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(igUserId)}/media?fields=id,caption,timestamp,permalink&limit={limit}", token, null, cancellationToken);
        return [.. json.GetProperty("data").EnumerateArray().Select(m => new GraphPost(
            String(m, "id")!, String(m, "caption") ?? "", Time(String(m, "timestamp")), String(m, "permalink")))];
    }

    /// <summary>A published Instagram media's public address.</summary>
    public async Task<string?> MediaPermalinkAsync(string mediaId, string token, CancellationToken cancellationToken) =>
        String(await SendAsync(HttpMethod.Get, $"{Escape(mediaId)}?fields=permalink", token, null, cancellationToken), "permalink");

    /// <summary>The account's publishing in the moving window, and its limit as Meta says (<c>config.quota_total</c>).</summary>
    public async Task<PublishingLimit> PublishingLimitAsync(string igUserId, string token, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, $"{Escape(igUserId)}/content_publishing_limit?fields=quota_usage,config", token, null, cancellationToken);
        var entry = json.GetProperty("data")[0];
        return new PublishingLimit((int)Long(entry, "quota_usage"), (int)Long(entry.GetProperty("config"), "quota_total"));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, Dictionary<string, string>? form, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(method, new Uri(settings.GraphApiBaseUrl, $"{settings.GraphApiVersion}/{path}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GraphUnansweredException($"{method} {path.Split('?')[0]}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement json;
            try
            {
                json = JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new GraphApiException((int)response.StatusCode, response.IsSuccessStatusCode ? 0 : 1, null, $"HTTP {(int)response.StatusCode} without a Graph answer", null, null);
            }

            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error))
            {
                throw new GraphApiException(
                    (int)response.StatusCode,
                    (int)Long(error, "code"),
                    error.TryGetProperty("error_subcode", out var sub) && sub.ValueKind == JsonValueKind.Number ? sub.GetInt32() : null,
                    String(error, "message") ?? "",
                    String(error, "fbtrace_id"),
                    UsageHeaders.RegainAfter(response.Headers));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new GraphApiException((int)response.StatusCode, 1, null, $"HTTP {(int)response.StatusCode}", null, null);
            }

            return json;
        }
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string? String(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Long(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    private static DateTimeOffset Time(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            ? time
            : DateTimeOffset.MinValue;
}
