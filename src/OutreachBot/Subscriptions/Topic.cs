namespace OutreachBot.Subscriptions;

/// <summary>What citizens can follow: data staff manage, with a name and description per language.</summary>
public sealed record Topic
{
    public long Id { get; init; }

    public required string Slug { get; init; }

    public string? ParentSlug { get; init; }

    public int Order { get; init; }

    public bool Archived { get; init; }

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Citizens who follow the topic and can receive messages now (following the account, not blocked).</summary>
    public long SubscriberCount { get; init; }

    /// <summary>The name in <paramref name="language"/>, falling back to Japanese, which every topic has.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Names.GetValueOrDefault(Languages.Japanese) ?? Slug;

    public string DescriptionIn(string language) =>
        Descriptions.GetValueOrDefault(language) ?? Descriptions.GetValueOrDefault(Languages.Japanese) ?? "";
}

/// <summary>A topic as staff write it: what the API and console create or replace.</summary>
public sealed record TopicDraft(
    string Slug,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string>? Descriptions,
    int Order,
    bool Archived,
    string? ParentSlug = null);
