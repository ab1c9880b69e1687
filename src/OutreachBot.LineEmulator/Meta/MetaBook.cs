using Microsoft.Extensions.Options;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>A post on the Page: text with an optional link (<c>/feed</c>) or a photo with its caption (<c>/photos</c>).</summary>
public sealed record PagePost(string Id, string? PhotoId, string Message, string? Link, string? ImageUrl, DateTimeOffset CreatedTime, bool Deleted = false)
{
    public string PermalinkUrl => $"https://www.facebook.com/{Id}";
}

/// <summary>An Instagram media container: made by <c>/media</c>, published once by <c>/media_publish</c>.</summary>
public sealed record InstagramContainer(string Id, string ImageUrl, string Caption, int StatusReads, string? MediaId);

public sealed record InstagramMedia(string Id, string ContainerId, string Caption, string ImageUrl, DateTimeOffset Timestamp, bool Deleted = false)
{
    public string Permalink => $"https://www.instagram.com/p/{Id}/";
}

/// <summary>What the emulated Page and Instagram account hold: followers, posts, containers and media.</summary>
public sealed class MetaBook(IOptions<EmulatorOptions> options, TimeProvider time)
{
    public static readonly TimeSpan QuotaDuration = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly List<PagePost> _posts = [];
    private readonly Dictionary<string, InstagramContainer> _containers = [];
    private readonly List<InstagramMedia> _media = [];
    private long _nextId = 1;

    public MetaAccounts Accounts => options.Value.Meta;

    public long PageFollowers { get; set; } = 466;

    public long InstagramFollowers { get; set; } = 146;

    public IReadOnlyList<PagePost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts.AsEnumerable().Reverse()];
            }
        }
    }

    public IReadOnlyList<InstagramMedia> Media
    {
        get
        {
            lock (_gate)
            {
                return [.. _media.AsEnumerable().Reverse()];
            }
        }
    }

    public PagePost AddPost(string message, string? link, string? imageUrl)
    {
        lock (_gate)
        {
            var post = new PagePost($"{Accounts.PageId}_{NextId()}", imageUrl is null ? null : NextId(), message, link, imageUrl, time.GetUtcNow());
            _posts.Add(post);
            return post;
        }
    }

    /// <summary>A live post by its post id or, for a photo, its photo id.</summary>
    public PagePost? FindPost(string id)
    {
        lock (_gate)
        {
            return _posts.Find(p => !p.Deleted && (p.Id == id || p.PhotoId == id));
        }
    }

    public bool EditPost(string id, string message) => ReplacePost(id, post => post with { Message = message });

    public bool DeletePost(string id) => ReplacePost(id, post => post with { Deleted = true });

    public InstagramContainer AddContainer(string imageUrl, string caption)
    {
        lock (_gate)
        {
            var container = new InstagramContainer(NextId(), imageUrl, caption, 0, null);
            _containers[container.Id] = container;
            return container;
        }
    }

    public InstagramContainer? FindContainer(string id)
    {
        lock (_gate)
        {
            return _containers.GetValueOrDefault(id);
        }
    }

    /// <summary><c>status_code</c> as a read sees it: a new container is in progress for a few reads, then finished.</summary>
    public string ReadStatus(string containerId)
    {
        lock (_gate)
        {
            var container = _containers[containerId];
            _containers[containerId] = container with { StatusReads = container.StatusReads + 1 };
            return StatusOf(container);
        }
    }

    /// <summary>Publishes a finished container once; null with the reason when it cannot be.</summary>
    public (InstagramMedia? Media, string? Refusal) Publish(string containerId)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(containerId, out var container))
            {
                return (null, "unknown");
            }

            var status = StatusOf(container);
            if (status != "FINISHED")
            {
                return (null, status);
            }

            if (QuotaUsageLocked() >= Accounts.InstagramQuotaTotal)
            {
                return (null, "limit");
            }

            var media = new InstagramMedia(NextId(), container.Id, container.Caption, container.ImageUrl, time.GetUtcNow());
            _media.Add(media);
            _containers[containerId] = container with { MediaId = media.Id };
            return (media, null);
        }
    }

    public InstagramMedia? FindMedia(string id)
    {
        lock (_gate)
        {
            return _media.Find(m => m.Id == id && !m.Deleted);
        }
    }

    public bool EditCaption(string mediaId, string caption) => ReplaceMedia(mediaId, media => media with { Caption = caption });

    public bool DeleteMedia(string mediaId) => ReplaceMedia(mediaId, media => media with { Deleted = true });

    /// <summary>Media published in the moving 24 hours, deleted ones included (as Meta counts them).</summary>
    public int QuotaUsage
    {
        get
        {
            lock (_gate)
            {
                return QuotaUsageLocked();
            }
        }
    }

    private int QuotaUsageLocked() => _media.Count(m => m.Timestamp > time.GetUtcNow() - QuotaDuration);

    private string StatusOf(InstagramContainer container) =>
        container.MediaId is not null ? "PUBLISHED" : container.StatusReads >= Accounts.ContainerReadsInProgress ? "FINISHED" : "IN_PROGRESS";

    private bool ReplacePost(string id, Func<PagePost, PagePost> change)
    {
        lock (_gate)
        {
            var index = _posts.FindIndex(p => !p.Deleted && (p.Id == id || p.PhotoId == id));
            if (index < 0)
            {
                return false;
            }

            _posts[index] = change(_posts[index]);
            return true;
        }
    }

    private bool ReplaceMedia(string id, Func<InstagramMedia, InstagramMedia> change)
    {
        lock (_gate)
        {
            var index = _media.FindIndex(m => m.Id == id && !m.Deleted);
            if (index < 0)
            {
                return false;
            }

            _media[index] = change(_media[index]);
            return true;
        }
    }

    private string NextId() => (178000000000000000L + _nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
