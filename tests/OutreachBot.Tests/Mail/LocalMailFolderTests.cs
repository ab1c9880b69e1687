using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>Local mode without an SMTP host: mails become .eml files beside the database, which the hosted emulator lists.</summary>
public sealed class LocalMailFolderTests : IAsyncLifetime
{
    private readonly Uri _emulator = new($"http://127.0.0.1:{LocalMachine.FreePort()}/");
    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Line:ChannelSecret"] = "",
            ["Line:ChannelAccessToken"] = "",
            ["Line:ApiBaseUrl"] = null,
            ["Line:DataApiBaseUrl"] = null,
            ["LocalMode:EmulatorUrl"] = _emulator.ToString(),
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Send_LocalMode_WritesAnEmlBesideTheDatabaseThatTheEmulatorLists()
    {
        var transport = Assert.IsType<LocalMailFolder>(_bot.Services.GetRequiredService<IMailTransport>());
        var message = new MimeMessage { Subject = "ローカルのお知らせ", MessageId = "local-1@outreachbot.test" };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(MailboxAddress.Parse("resident@example.jp"));
        message.Body = new TextPart("plain") { Text = "本文" };

        await using (var connection = await transport.ConnectAsync(CancellationToken.None))
        {
            Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(message, CancellationToken.None)).Kind);
        }

        var database = _world.Database.ConnectionString["Data Source=".Length..];
        Assert.Equal(Path.Combine(Path.GetDirectoryName(database)!, "mail"), transport.Folder);
        var file = Assert.Single(Directory.GetFiles(transport.Folder, "*.eml"));
        using var chat = new HttpClient { BaseAddress = _emulator };
        using var list = JsonDocument.Parse(await chat.GetStringAsync("/_emulator/mails"));
        var listed = Assert.Single(list.RootElement.GetProperty("mails").EnumerateArray());
        Assert.Equal(Path.GetFileName(file), listed.GetProperty("name").GetString());
        Assert.Equal("ローカルのお知らせ", listed.GetProperty("subject").GetString());
    }
}
