using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>One real SMTP server (smtp4dev) for a test class; each test mails its own addresses, so tests share it safely.</summary>
public sealed class MailServerFixture : IAsyncLifetime
{
    public Smtp4devServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Smtp4devServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>A bot that mails through the fixture's smtp4dev, with links under a public https base and client addresses tests choose.</summary>
public abstract partial class SubscribeHost(string provider, MailServerFixture mail, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string PublicBase = "https://outreach.example.jp/";

    protected TestWorld World { get; private set; } = null!;

    protected TestBot Bot => World.Bot;

    protected TestDatabase Database => World.Database;

    protected Smtp4devServer Smtp => mail.Server;

    public async Task InitializeAsync()
    {
        var all = new Dictionary<string, string?>(mail.Server.Settings) { ["Site:PublicBaseUrl"] = PublicBase };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        World = await TestWorld.StartWithBotAsync(provider, all, s => s.AddTransient<IStartupFilter, ClientAddress>());
    }

    public async Task DisposeAsync() => await World.DisposeAsync();

    /// <summary>A resident's browser (cookies kept, redirects not followed) coming from <paramref name="clientAddress"/>.</summary>
    protected ConsoleSession Resident(string clientAddress = "203.0.113.5")
    {
        var session = ConsoleSession.Anonymous(Bot);
        ClientAddress.Use(session.Client, clientAddress);
        return session;
    }

    protected static Task<HttpResponseMessage> SubscribeAsync(
        ConsoleSession resident, string address, string language = "ja", string pageLanguage = "ja", params string[] topics)
    {
        var query = pageLanguage == "ja" ? "" : $"?lang={pageLanguage}";
        var fields = new List<KeyValuePair<string, string>> { new("Address", address), new("MailLanguage", language) };
        fields.AddRange((topics.Length == 0 ? ["volunteer"] : topics).Select(t => new KeyValuePair<string, string>("Topics", t)));
        return PostWithTokenAsync(resident, "/subscribe" + query, fields);
    }

    protected static async Task<HttpResponseMessage> PostWithTokenAsync(ConsoleSession resident, string path, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await resident.TokenAsync(path)));
        return await resident.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The mails smtp4dev received for <paramref name="address"/>, waiting until there are <paramref name="count"/>.</summary>
    protected async Task<IReadOnlyList<MimeMessage>> MailsToAsync(string address, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var mine = (await Smtp.MessagesAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
            if (mine.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                return mine;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The site-relative link (path and query) a mail's text carries under the public base, starting with <paramref name="path"/>.</summary>
    protected static string LinkIn(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Regex.Match(message.TextBody ?? "", Regex.Escape(PublicBase.TrimEnd('/') + path) + @"\?\S+");
        Assert.True(match.Success, $"no {path} link in the mail");
        return match.Value[(PublicBase.Length - 1)..];
    }

    protected static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    [GeneratedRegex("data-testid=\"check-mail\">([^<]*)<")]
    protected static partial Regex CheckMailText();
}
