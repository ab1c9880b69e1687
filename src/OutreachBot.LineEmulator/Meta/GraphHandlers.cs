using System.Globalization;
using Microsoft.AspNetCore.Http;
using OutreachBot.LineEmulator.Chat;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>What each Graph call does to the <see cref="MetaBook"/>, with Meta's checks of required parameters and Instagram's limits.</summary>
internal sealed class GraphHandlers(MetaBook book)
{
    /// <summary>Facebook's own limit on a post's text.</summary>
    public const int MaxPostLength = 63_206;

    private static readonly HttpClient ImageFetcher = new() { Timeout = TimeSpan.FromSeconds(10) };

    private MetaAccounts Accounts => book.Accounts;

    public async Task<IResult> HandleAsync(GraphRequest request, CancellationToken cancellationToken) => (request.Method, request.Edge) switch
    {
        ("GET", null) => Read(request),
        ("POST", null) => Edit(request),
        ("DELETE", null) => Delete(request.Id),
        ("GET", "posts") when request.Id == Accounts.PageId => Ok(new
        {
            data = book.Posts.Where(p => !p.Deleted).Take(request.Limit(25, 100)).Select(PostFields),
        }),
        ("POST", "feed") when request.Id == Accounts.PageId => Feed(request),
        ("POST", "photos") when request.Id == Accounts.PageId => Photo(request),
        ("GET", "media") when request.Id == Accounts.InstagramUserId => Ok(new
        {
            data = book.Media.Where(m => !m.Deleted).Take(request.Limit(25, 100)).Select(MediaFields),
        }),
        ("POST", "media") when request.Id == Accounts.InstagramUserId => await ContainerAsync(request, cancellationToken),
        ("POST", "media_publish") when request.Id == Accounts.InstagramUserId => Publish(request),
        ("GET", "content_publishing_limit") when request.Id == Accounts.InstagramUserId => Ok(new
        {
            data = new[]
            {
                new
                {
                    quota_usage = book.QuotaUsage,
                    config = new { quota_total = Accounts.InstagramQuotaTotal, quota_duration = (int)MetaBook.QuotaDuration.TotalSeconds },
                },
            },
        }),
        _ when request.Id != Accounts.PageId && request.Id != Accounts.InstagramUserId => GraphError.NoSuchObject(request.Id),
        _ => GraphError.UnknownEdge(request.Edge ?? ""),
    };

    private static IResult Ok<T>(T value) => ChatJson.Ok(value);

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", CultureInfo.InvariantCulture);

    private static object PostFields(PagePost post) =>
        new { id = post.Id, message = post.Message, created_time = Time(post.CreatedTime), permalink_url = post.PermalinkUrl };

    private static object MediaFields(InstagramMedia media) =>
        new { id = media.Id, caption = media.Caption, media_type = "IMAGE", media_url = media.ImageUrl, permalink = media.Permalink, timestamp = Time(media.Timestamp) };

    private IResult Read(GraphRequest request)
    {
        Dictionary<string, object?>? known = null;
        string type;
        if (request.Id == Accounts.PageId)
        {
            type = "Page";
            known = new() { ["id"] = Accounts.PageId, ["name"] = Accounts.PageName, ["followers_count"] = book.PageFollowers, ["fan_count"] = book.PageFollowers };
        }
        else if (request.Id == Accounts.InstagramUserId)
        {
            type = "IGUser";
            known = new()
            {
                ["id"] = Accounts.InstagramUserId, ["username"] = Accounts.InstagramUsername, ["name"] = Accounts.PageName,
                ["followers_count"] = book.InstagramFollowers, ["media_count"] = book.Media.Count(m => !m.Deleted),
            };
        }
        else if (book.FindContainer(request.Id) is { } container)
        {
            type = "ShadowIGMediaBuilder";
            var status = book.ReadStatus(container.Id);
            known = new() { ["id"] = container.Id, ["status_code"] = status, ["status"] = status == "FINISHED" ? "Finished: Media has been uploaded and it is ready to be published." : status };
        }
        else if (book.FindPost(request.Id) is { } post)
        {
            type = "Post";
            known = new() { ["id"] = post.Id, ["message"] = post.Message, ["created_time"] = Time(post.CreatedTime), ["permalink_url"] = post.PermalinkUrl };
        }
        else if (book.FindMedia(request.Id) is { } media)
        {
            type = "IGMedia";
            known = new() { ["id"] = media.Id, ["caption"] = media.Caption, ["permalink"] = media.Permalink, ["timestamp"] = Time(media.Timestamp), ["media_type"] = "IMAGE" };
        }
        else
        {
            return GraphError.NoSuchObject(request.Id);
        }

        var fields = request.Fields("id");
        var unknown = fields.FirstOrDefault(f => !known.ContainsKey(f));
        return unknown is not null
            ? GraphError.Parameter($"Tried accessing nonexisting field ({unknown}) on node type ({type})")
            : Ok(fields.Append("id").Distinct().ToDictionary(f => f, f => known[f]));
    }

    private IResult Edit(GraphRequest request)
    {
        if (book.FindPost(request.Id) is not null)
        {
            return request["message"] is { } message
                ? Checked(message, () => book.EditPost(request.Id, message))
                : GraphError.Parameter("The parameter message is required");
        }

        if (book.FindMedia(request.Id) is not null)
        {
            if (request["caption"] is not { } caption)
            {
                return GraphError.Parameter("Instagram media can only have their caption changed: the parameter caption is required");
            }

            return InstagramRules.CaptionProblem(caption) is { } problem
                ? GraphError.Parameter(problem)
                : Success(book.EditCaption(request.Id, caption));
        }

        return GraphError.NoSuchObject(request.Id);
    }

    private IResult Delete(string id) =>
        book.FindPost(id) is not null ? Success(book.DeletePost(id))
        : book.FindMedia(id) is not null ? Success(book.DeleteMedia(id))
        : GraphError.NoSuchObject(id);

    private static IResult Success(bool done) => Ok(new { success = done });

    private static IResult Checked(string message, Func<bool> change) =>
        message.Length > MaxPostLength ? GraphError.Parameter($"The message is longer than {MaxPostLength} characters") : Success(change());

    private IResult Feed(GraphRequest request)
    {
        var message = request["message"];
        var link = request["link"];
        if (message is null && link is null)
        {
            return GraphError.Parameter("Either message or link must be supplied");
        }

        if (link is not null && !Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            return GraphError.Parameter("The parameter link is not a valid URL");
        }

        return (message?.Length ?? 0) > MaxPostLength
            ? GraphError.Parameter($"The message is longer than {MaxPostLength} characters")
            : Ok(new { id = book.AddPost(message ?? "", link, null).Id });
    }

    private IResult Photo(GraphRequest request)
    {
        if (request["url"] is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return GraphError.Parameter("The parameter url is required and must be an absolute URL");
        }

        var caption = request["caption"] ?? request["message"] ?? "";
        if (caption.Length > MaxPostLength)
        {
            return GraphError.Parameter($"The caption is longer than {MaxPostLength} characters");
        }

        var post = book.AddPost(caption, null, url);
        return Ok(new { id = post.PhotoId, post_id = post.Id });
    }

    private async Task<IResult> ContainerAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        if (request["image_url"] is not { } imageUrl || !Uri.TryCreate(imageUrl, UriKind.Absolute, out var image))
        {
            return GraphError.Parameter("The parameter image_url is required");
        }

        var caption = request["caption"] ?? "";
        if (InstagramRules.CaptionProblem(caption) is { } problem)
        {
            return GraphError.Parameter(problem);
        }

        byte[] bytes;
        try
        {
            bytes = await ImageFetcher.GetByteArrayAsync(Accounts.ImageFetchBase is { } local ? new Uri(local, image.PathAndQuery) : image, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return GraphError.Of(9004, "Media download has failed. The media URI doesn't meet our requirements.", 2207052);
        }

        return InstagramRules.IsJpeg(bytes)
            ? Ok(new { id = book.AddContainer(imageUrl, caption).Id })
            : GraphError.Parameter("Only JPEG images are supported: the image at image_url is not a JPEG");
    }

    private IResult Publish(GraphRequest request)
    {
        if (request["creation_id"] is not { } creationId)
        {
            return GraphError.Parameter("The parameter creation_id is required");
        }

        var (media, refusal) = book.Publish(creationId);
        return refusal switch
        {
            null => Ok(new { id = media!.Id }),
            "unknown" => GraphError.NoSuchObject(creationId),
            "IN_PROGRESS" => GraphError.Of(9007, "Media ID is not available: the media is not ready for publishing, please wait for a moment", 2207027),
            "PUBLISHED" => GraphError.Parameter("This media container has already been published"),
            _ => GraphError.Of(9, "You reached the maximum number of posts that is allowed to be published by Content Publishing API.", 2207042),
        };
    }
}
