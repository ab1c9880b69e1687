using MimeKit;

namespace OutreachBot.Mail;

/// <summary>
/// Local mode's mail "server": each mail becomes an <c>.eml</c> file in a folder beside the local database, which the
/// emulator's page lists and renders. Only ever used in local mode; anywhere else a missing SMTP host turns e-mail off.
/// </summary>
public sealed class LocalMailFolder(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailConnection>(new Connection(Folder));
    }

    private sealed class Connection(string folder) : IMailConnection
    {
        public async Task<MailOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = $"{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
            var path = Path.Combine(folder, name);
            await message.WriteToAsync(path + ".part", cancellationToken);
            File.Move(path + ".part", path);
            return MailOutcome.Accepted;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
