using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents;
using OutreachBot.Consultations;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Privacy;
using OutreachBot.Profiles;
using OutreachBot.Resources;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.Conversations;

/// <summary>Main menus as the features register their entries, with or without extra entries a new feature would add.</summary>
internal static class MenuWorld
{
    /// <summary>The entries of the bot's features, registered as Program.cs registers them.</summary>
    public static IReadOnlyList<MenuEntry> ShippedEntries { get; } = Registered(new ServiceCollection()
        .AddSubscriptions()
        .AddCivicEvents()
        .AddConsultations()
        .AddPrivacy(new ConfigurationBuilder().Build())
        .AddProfiles()
        .AddConversations(new ConfigurationBuilder().Build()));

    public static MainMenu Shipped(TextCatalog texts) => new(ShippedEntries, texts);

    /// <summary>A new feature's entry: labelled "追加 n" / "Extra n", it shows events page n.</summary>
    public static MenuEntry Extra(int n) => new($"extra-{n}", ExtraLabelKey(n), new Command.ShowEvents(n), Order: 100 + n);

    public static string ExtraLabelKey(int n) => $"Menu.Extra{n}";

    /// <summary>The settings that give <see cref="Extra"/> entries 1 to 20 their labels in Japanese and English.</summary>
    public static Dictionary<string, string?> ExtraLabelSettings() => Enumerable.Range(1, MainMenu.MaxEntries)
        .SelectMany(n => new[]
        {
            KeyValuePair.Create($"Conversations:Texts:ja:{ExtraLabelKey(n)}", (string?)$"追加 {n}"),
            KeyValuePair.Create($"Conversations:Texts:en:{ExtraLabelKey(n)}", (string?)$"Extra {n}"),
        })
        .ToDictionary();

    public static TextCatalog TextsWithExtraLabels() => TextCatalog.Load(Enumerable.Range(1, MainMenu.MaxEntries)
        .SelectMany(n => new[] { ("ja", ExtraLabelKey(n), $"追加 {n}"), ("en", ExtraLabelKey(n), $"Extra {n}") })
        .GroupBy(x => x.Item1)
        .ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Item2, x => x.Item3)));

    /// <summary>A menu of <paramref name="count"/> entries, each added with AddMenuEntry: the shipped ones first, then extras.</summary>
    public static MainMenu WithEntries(int count, TextCatalog texts)
    {
        var services = new ServiceCollection().AddSingleton(texts).AddSingleton<MainMenu>();
        foreach (var entry in ShippedEntries.Take(count).Concat(Enumerable.Range(1, Math.Max(0, count - ShippedEntries.Count)).Select(Extra)))
        {
            services.AddMenuEntry(entry);
        }

        return services.BuildServiceProvider().GetRequiredService<MainMenu>();
    }

    private static MenuEntry[] Registered(IServiceCollection services) =>
        [.. services.Select(d => d.ImplementationInstance).OfType<MenuEntry>().OrderBy(e => e.Order)];
}
