namespace OutreachBot.Disaster.Templates;

/// <summary>A disaster message staff keep translated: its name for staff, and a title and a body per language.</summary>
public sealed record DisasterTemplate
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyDictionary<string, TemplateText> Texts { get; init; } = new Dictionary<string, TemplateText>();

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The languages still without a translation: while any is missing, the template starts no broadcast.</summary>
    public IReadOnlyList<string> Missing => [.. Languages.Supported.Select(l => l.Code).Where(code => !Texts.ContainsKey(code))];

    /// <summary>What a citizen of <paramref name="language"/> reads: the title, a blank line, the body.</summary>
    public string MessageIn(string language) => $"{Texts[language].Title}\n\n{Texts[language].Body}";
}

public sealed record TemplateText(string Title, string Body);

/// <summary>A template as staff write it.</summary>
public sealed record DisasterTemplateDraft(string Name, IReadOnlyDictionary<string, TemplateText> Texts);
