using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// Makes sure LINE has one rich menu per language, drawn from the <see cref="MainMenu"/> in that language's texts, at every start and without duplicates.
/// A menu is named after a fingerprint of its texts, actions and font, and an alias <c>outreachbot-{language}</c>
/// points at the finished one (set only after its image is uploaded): an unchanged menu is found by its alias and
/// reused; a changed one is created anew, its citizens are linked to it, and the old one is deleted, as are menus a
/// crash left half made. LINE unreachable at start: tried again with growing pauses, the bot meanwhile works without.
/// </summary>
public sealed partial class RichMenuProvisioner(
    IServiceScopeFactory scopes,
    RichMenuDirectory directory,
    TextCatalog texts,
    MainMenu menu,
    Database database,
    IOptions<ConversationOptions> options,
    IOptions<BotOptions> bot,
    Disaster.DisasterModeWatcher disasterMode,
    Disaster.DisasterModeState disasterState,
    ILogger<RichMenuProvisioner> logger) : BackgroundService
{
    private const long AdvisoryLockKey = 0x4F42_5269_6368_4D65; // "OBRichMe"

    // Drawn once per process and design, not once per start (tests start many bots).
    private static readonly ConcurrentDictionary<string, byte[]> Drawn = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RichMenu.Enabled)
        {
            return;
        }

        var pause = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProvisionAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Menus are a convenience: whatever goes wrong must not stop the bot, which works without them.
                LogNotProvisioned(ex, pause);
            }

            await Task.Delay(pause, stoppingToken);
            pause = pause * 2 < TimeSpan.FromMinutes(10) ? pause * 2 : TimeSpan.FromMinutes(10);
        }
    }

    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var line = scope.ServiceProvider.GetRequiredService<LineMessagingClient>();
        await using var lockConnection = await database.OpenAsync(cancellationToken);
        await LockAsync(lockConnection, cancellationToken);
        try
        {
            await ProvisionLockedAsync(line, cancellationToken);
        }
        finally
        {
            await UnlockAsync(lockConnection);
        }
    }

    private async Task ProvisionLockedAsync(LineMessagingClient line, CancellationToken cancellationToken)
    {
        using var fonts = new RichMenuFonts(options.Value.RichMenu.FontFile);
        var aliases = (await line.GetRichMenuAliasListAsync(cancellationToken)).Value.ToDictionary(a => a.RichMenuAliasId, a => a.RichMenuId);
        var existing = (await line.GetRichMenuListAsync(cancellationToken)).Value;
        var everyday = await ProvisionSetAsync(line, RichMenuSet.Everyday(menu), fonts, aliases, existing, cancellationToken);
        var disaster = await ProvisionSetAsync(line, RichMenuSet.Disaster, fonts, aliases, existing, cancellationToken);

        // Setting the same default again changes nothing, and asking first would cost a 404 on a new channel.
        await disasterMode.ReadAsync(cancellationToken);
        var defaults = disasterState.View is { Active: true, Drill: false } ? disaster.Menus : everyday.Menus;
        await line.SetDefaultRichMenuAsync(defaults.GetValueOrDefault(bot.Value.DefaultLanguage) ?? defaults[Languages.Japanese], cancellationToken);
        foreach (var language in everyday.Replaced)
        {
            await RelinkAsync(line, language, everyday.Menus[language], cancellationToken);
        }

        foreach (var stale in everyday.Stale.Concat(disaster.Stale))
        {
            await line.DeleteRichMenuAsync(stale, cancellationToken);
        }

        directory.Publish(everyday.Menus, disaster.Menus);
    }

    /// <summary>One menu per language of <paramref name="set"/>: reused when unchanged, else made anew; the set's other menus are stale.</summary>
    private async Task<(Dictionary<string, string> Menus, List<string> Replaced, List<string> Stale)> ProvisionSetAsync(
        LineMessagingClient line, RichMenuSet set, RichMenuFonts fonts, Dictionary<string, string> aliases, IReadOnlyList<RichMenuResponse> existing,
        CancellationToken cancellationToken)
    {
        var english = RichMenuLayout.For(texts.For(Languages.English), set, fonts.Identity).Tiles.Select(t => t.Label).ToList();
        var menus = new Dictionary<string, string>(StringComparer.Ordinal);
        var replaced = new List<string>();
        foreach (var language in Languages.Supported.Select(l => l.Code))
        {
            var shipped = set == RichMenuSet.Disaster ? null : ShippedImage(language);
            var layout = RichMenuLayout.For(texts.For(language), set, shipped is null ? fonts.Identity : Convert.ToHexString(SHA256.HashData(shipped)));
            var current = aliases.TryGetValue(layout.AliasId, out var aliased) ? existing.FirstOrDefault(m => m.RichMenuId == aliased) : null;
            if (current?.Name == layout.Request.Name)
            {
                menus[language] = current.RichMenuId;
                continue;
            }

            var image = shipped ?? Drawn.GetOrAdd(layout.Request.Name, _ => RichMenuRenderer.Render(layout, fonts, english));
            var created = (await line.CreateRichMenuAsync(layout.Request, cancellationToken)).Value;
            await line.UploadRichMenuImageAsync(created, image, ContentType(image), cancellationToken);
            if (aliases.ContainsKey(layout.AliasId))
            {
                await line.UpdateRichMenuAliasAsync(layout.AliasId, created, cancellationToken);
            }
            else
            {
                await line.CreateRichMenuAliasAsync(layout.AliasId, created, cancellationToken);
            }

            LogCreated(language, created);
            menus[language] = created;
            if (current is not null)
            {
                replaced.Add(language);
            }
        }

        var stale = existing.Where(m => m.Name.StartsWith(set.Prefix + " ", StringComparison.Ordinal) && !menus.ContainsValue(m.RichMenuId)).Select(m => m.RichMenuId).ToList();
        return (menus, replaced, stale);
    }

    /// <summary>A deleted menu leaves its citizens with the default one: link them to their language's new menu first.</summary>
    private async Task RelinkAsync(LineMessagingClient line, string language, string richMenuId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var userIds = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM citizens WHERE following AND language = @Language", new { Language = language }, cancellationToken: cancellationToken));
        foreach (var userId in userIds)
        {
            await line.LinkRichMenuToUserAsync(userId, richMenuId, cancellationToken);
        }
    }

    private byte[]? ShippedImage(string language)
    {
        var folder = options.Value.RichMenu.ImageFolder;
        var file = string.IsNullOrWhiteSpace(folder) ? null : Path.Combine(folder, $"richmenu.{language}.png");
        return file is not null && File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    private static string ContentType(byte[] image) => image is [0xFF, 0xD8, ..] ? "image/jpeg" : "image/png";

    // Two instances starting together on PostgreSQL would each make menus and delete the other's; SQLite runs one.
    private async Task LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (database.Dialect.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: cancellationToken));
        }
    }

    private async Task UnlockAsync(DbConnection connection)
    {
        if (database.Dialect.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the {Language} rich menu {RichMenuId}")]
    private partial void LogCreated(string language, string richMenuId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menus not provisioned yet; trying again in {Pause}")]
    private partial void LogNotProvisioned(Exception exception, TimeSpan pause);
}
