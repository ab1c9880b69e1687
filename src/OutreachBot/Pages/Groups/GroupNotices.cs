using OutreachBot.Groups;

namespace OutreachBot.Pages.Groups;

/// <summary>What staff read after inviting: the one-time link always (the contact may have no mail yet), and whether it was mailed.</summary>
public static class GroupNotices
{
    public static string Invited(GroupInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Mailed
            ? ConsoleText.S($"招待メールを送りました。招待リンク（1回限り）: {invitation.Link.AbsoluteUri}", $"The invitation was mailed. One-time link: {invitation.Link.AbsoluteUri}")
            : ConsoleText.S($"メールは送っていません。この招待リンク（1回限り）を担当者に渡してください: {invitation.Link.AbsoluteUri}",
                $"No mail was sent. Give the contact this one-time link: {invitation.Link.AbsoluteUri}");
    }
}
