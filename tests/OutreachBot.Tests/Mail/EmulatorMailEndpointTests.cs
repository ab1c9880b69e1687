using System.Net;
using System.Text.Json;
using MimeKit;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Tests.Mail;

/// <summary>The emulator's mail endpoints: local mode's .eml files listed newest first and shown, and nothing outside the folder.</summary>
public sealed class EmulatorMailEndpointTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("emulator-mails-").FullName;
    private LineEmulatorServer _line = null!;
    private HttpClient _http = null!;

    private string Folder => Path.Combine(_root, "mail");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MailFolder = Folder });
        _http = new HttpClient { BaseAddress = _line.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _line.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task List_SeveralMails_NewestFirstWithRecipientAndSubject()
    {
        await WriteAsync("a-old.eml", "古いお知らせ", DateTime.UtcNow.AddMinutes(-5));
        await WriteAsync("b-new.eml", "新しいお知らせ", DateTime.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(Folder, "notes.txt"), "not a mail");

        using var list = JsonDocument.Parse(await _http.GetStringAsync("_emulator/mails"));

        Assert.True(list.RootElement.GetProperty("available").GetBoolean());
        var mails = list.RootElement.GetProperty("mails").EnumerateArray().ToList();
        Assert.Equal(["b-new.eml", "a-old.eml"], mails.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("新しいお知らせ", mails[0].GetProperty("subject").GetString());
        Assert.Equal("resident@example.jp", mails[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task Show_OneMail_GivesItsPartsAndHeaders()
    {
        await WriteAsync("b-new.eml", "新しいお知らせ", DateTime.UtcNow);

        using var mail = JsonDocument.Parse(await _http.GetStringAsync("_emulator/mails/b-new.eml"));

        var root = mail.RootElement;
        Assert.Equal("<p>本文の <b>HTML</b></p>", root.GetProperty("html").GetString());
        Assert.Equal("本文のテキスト", root.GetProperty("text").GetString());
        Assert.Equal("<new@outreachbot.test>", root.GetProperty("messageId").GetString());
        Assert.Equal("<https://bot.example.jp/subscribe/unsubscribe?t=abc>", root.GetProperty("listUnsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", root.GetProperty("listUnsubscribePost").GetString());
    }

    [Theory]
    [InlineData("..%2Fsecret.eml", HttpStatusCode.BadRequest)]
    [InlineData("..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest)]
    [InlineData(".hidden.eml", HttpStatusCode.BadRequest)]
    [InlineData("notes.txt", HttpStatusCode.BadRequest)]
    [InlineData("absent.eml", HttpStatusCode.NotFound)]
    public async Task Show_NameOutsideTheFolderOrNotAMail_Refused(string name, HttpStatusCode expected)
    {
        await WriteAsync(Path.Combine("..", "secret.eml"), "外のファイル", DateTime.UtcNow);

        using var response = await _http.GetAsync(new Uri($"_emulator/mails/{name}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("外のファイル", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoMailFolder_NotAvailable()
    {
        await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = line.BaseUrl };

        using var list = JsonDocument.Parse(await http.GetStringAsync("_emulator/mails"));

        Assert.False(list.RootElement.GetProperty("available").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("_emulator/mails/a.eml")).StatusCode);
    }

    private async Task WriteAsync(string name, string subject, DateTime written)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Path.GetFileNameWithoutExtension(name).Split('-')[^1]}@outreachbot.test" };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(MailboxAddress.Parse("resident@example.jp"));
        message.Headers.Add(HeaderId.ListUnsubscribe, "<https://bot.example.jp/subscribe/unsubscribe?t=abc>");
        message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = "本文のテキスト", HtmlBody = "<p>本文の <b>HTML</b></p>" }.ToMessageBody();
        var path = Path.Combine(Folder, name);
        await message.WriteToAsync(path);
        File.SetLastWriteTimeUtc(path, written);
    }
}
