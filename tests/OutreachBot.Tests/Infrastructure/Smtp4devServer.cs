using System.Diagnostics;
using System.Net.Http.Json;
using MimeKit;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (installed by <c>dotnet tool restore</c> from the repository's tool
/// manifest) on its own free ports, with an in-memory store. Received mails are read back through its HTTP API as the
/// raw messages they were, and parsed with MimeKit.
/// </summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly HttpClient _api;

    private Smtp4devServer(Process process, string dataFolder, int apiPort, int smtpPort, int imapPort)
    {
        _process = process;
        _dataFolder = dataFolder;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/") };
        SmtpPort = smtpPort;
        ImapPort = imapPort;
    }

    public int SmtpPort { get; }

    public int ImapPort { get; }

    /// <summary>The bot's settings that send through this server (no TLS, no authentication).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "市民活動推進課 <katsudo@city.example.jp>",
        ["Mail:PerSecond"] = "0",
    };

    /// <param name="arguments">More smtp4dev options, e.g. <c>--authenticationrequired</c> and <c>--user=name=password</c>.</param>
    public static async Task<Smtp4devServer> StartAsync(int messagesToKeep = 10_000, params string[] arguments)
    {
        // A free port is free only when chosen: a test starting beside this one may bind it first, and smtp4dev then
        // stops at start; new ports serve.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(messagesToKeep, arguments);
            try
            {
                await server.WaitReadyAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server._process.HasExited)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static Smtp4devServer Launch(int messagesToKeep, string[] arguments)
    {
        var (api, smtp, imap, pop3) = (LocalMachine.FreePort(), LocalMachine.FreePort(), LocalMachine.FreePort(), LocalMachine.FreePort());
        var dataFolder = Directory.CreateTempSubdirectory("smtp4dev-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = LocalMachine.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{api}", $"--smtpport={smtp}", $"--imapport={imap}",
                     $"--pop3port={pop3}", "--db=", $"--messagestokeep={messagesToKeep}", "--nousersettings", "--hostname=localhost",
                     "--bindaddress=127.0.0.1", $"--baseappdatapath={dataFolder}",
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start smtp4dev.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Smtp4devServer(process, dataFolder, api, smtp, imap);
    }

    /// <summary>Every mail received so far, oldest first, as sent.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var page = await _api.GetFromJsonAsync<MessagePage>("api/messages?pageSize=100000") ?? new MessagePage([]);
        var messages = new List<MimeMessage>();
        foreach (var summary in page.Results.OrderBy(m => m.ReceivedDate))
        {
            await using var raw = await _api.GetStreamAsync($"api/messages/{summary.Id}/raw");
            messages.Add(await MimeMessage.LoadAsync(raw));
        }

        return messages;
    }

    /// <summary>Waits until at least <paramref name="count"/> mails have arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var page = await _api.GetFromJsonAsync<MessagePage>("api/messages?pageSize=1") ?? new MessagePage([]);
            if (page.RowCount >= count || DateTime.UtcNow > deadline)
            {
                return await MessagesAsync();
            }

            await Task.Delay(100);
        }
    }

    public async Task ClearAsync() => (await _api.DeleteAsync("api/messages/*")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temporary folder is left for the system to clean.
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"smtp4dev stopped at start (exit code {_process.ExitCode}); is `dotnet tool restore` done?");
            }

            try
            {
                using var response = await _api.GetAsync("api/messages?pageSize=1");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("smtp4dev did not answer within 60 seconds.");
    }

    private sealed record MessagePage(IReadOnlyList<MessageSummary> Results, int RowCount = 0);

    private sealed record MessageSummary(string Id, DateTimeOffset ReceivedDate);
}
