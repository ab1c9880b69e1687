using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// The mails local mode wrote (<see cref="EmulatorOptions.MailFolder"/>, <c>*.eml</c>), for the page's mail panel: a
/// list, newest first, and one mail's parts and headers. Only plain file names in that folder are served.
/// </summary>
internal static partial class MailEndpoints
{
    public const string Prefix = "/_emulator/mails";

    private const int Listed = 200;

    public static void Map(RouteGroupBuilder mails)
    {
        mails.MapGet("", List);
        mails.MapGet("/{name}", Show);
    }

    private static IResult List(IOptionsMonitor<EmulatorOptions> options)
    {
        var folder = options.CurrentValue.MailFolder;
        if (folder is null || !Directory.Exists(folder))
        {
            return ChatJson.Ok(new { available = folder is not null, mails = Array.Empty<object>() });
        }

        var mails = new DirectoryInfo(folder).EnumerateFiles("*.eml")
            .Where(file => SafeName().IsMatch(file.Name))
            .OrderByDescending(file => file.LastWriteTimeUtc).ThenByDescending(file => file.Name, StringComparer.Ordinal)
            .Take(Listed)
            .Select(Summary)
            .OfType<object>()
            .ToList();
        return ChatJson.Ok(new { available = true, mails });
    }

    private static IResult Show(string name, IOptionsMonitor<EmulatorOptions> options)
    {
        var folder = options.CurrentValue.MailFolder;
        if (!SafeName().IsMatch(name))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid mail name",
                detail: "A mail is named by its file name in the mail folder: letters, digits, '-', '_' and '.', ending in .eml.");
        }

        var path = folder is null ? null : Path.Combine(Path.GetFullPath(folder), name);
        if (path is null || Path.GetDirectoryName(path) != Path.GetFullPath(folder!).TrimEnd(Path.DirectorySeparatorChar) || !File.Exists(path))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mail", detail: $"There is no mail {name} in the mail folder.");
        }

        var message = MimeMessage.Load(path);
        return ChatJson.Ok(new
        {
            name,
            from = message.From.ToString(),
            to = message.To.ToString(),
            subject = message.Subject ?? "",
            date = message.Date,
            messageId = message.Headers[HeaderId.MessageId],
            listUnsubscribe = message.Headers[HeaderId.ListUnsubscribe],
            listUnsubscribePost = message.Headers[HeaderId.ListUnsubscribePost],
            html = message.HtmlBody,
            text = message.TextBody,
        });
    }

    private static object? Summary(FileInfo file)
    {
        try
        {
            using var stream = file.OpenRead();
            var headers = HeaderList.Load(stream);
            var message = new MimeMessage(headers);
            return new { name = file.Name, to = message.To.ToString(), subject = message.Subject ?? "", date = message.Date };
        }
        catch (Exception ex) when (ex is IOException or FormatException or ParseException)
        {
            // Being written, or not a mail: the next look lists it if it becomes one.
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,150}\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
