using System.Net;
using System.Text.RegularExpressions;
using OutreachBot.Tests.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Groups;

/// <summary>What the group tests share: staff inviting a group in the console, and its contact following the link.</summary>
public static partial class GroupConsole
{
    /// <summary>The base of the invitation links (a test server listens on no address to derive it from).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "https://katsudo.city.example.jp/" };

    /// <summary>Staff invite a group on <c>/console/groups</c>: its id and the one-time link the page shows.</summary>
    public static async Task<(long Id, string Link)> InviteAsync(ConsoleSession staff, string name, string email)
    {
        using var invited = await staff.PostFormAsync("/console/groups", new() { ["Input.Name"] = name, ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var detail = invited.Headers.Location!.OriginalString;
        var page = await staff.GetPageAsync(detail);
        var link = new Uri(WebUtility.HtmlDecode(LinkPattern().Match(page).Value));
        return (long.Parse(detail.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), link.PathAndQuery);
    }

    /// <summary>The contact follows the link and chooses a username and password: signed in as the group.</summary>
    public static async Task<ConsoleSession> JoinAsync(TestBot bot, string link, string username)
    {
        var contact = ConsoleSession.Anonymous(bot);
        using var joined = await contact.PostFormAsync(
            link, new() { ["Username"] = username, ["Password"] = ConsoleSession.Password, ["Confirm"] = ConsoleSession.Password }, formPage: link);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("/console/group", ConsoleSession.PathOf(joined));
        return contact;
    }

    [GeneratedRegex(@"https?://[^\s<""]+/console/group/join\?t=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
