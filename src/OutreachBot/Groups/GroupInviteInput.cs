using System.Text.Json.Serialization;
using OutreachBot.MailSubscribers;

namespace OutreachBot.Groups;

/// <summary>A new group as staff invite it: its name and its contact's e-mail address.</summary>
public sealed class GroupInviteInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    [JsonIgnore]
    public Dictionary<string, Bilingual[]> Errors { get; } = [];

    public bool Validate()
    {
        Errors.Clear();
        if (Name?.Trim() is not { Length: > 0 and <= GroupProfileInput.MaxName })
        {
            Errors["name"] = [new($"団体名を1〜{GroupProfileInput.MaxName}文字で入力してください。", $"Enter the group's name, 1 to {GroupProfileInput.MaxName} characters.")];
        }

        if (!SubscribeAddress.IsValid(Email))
        {
            Errors["email"] = [new("担当者のメールアドレスを正しく入力してください。", "Enter the contact's e-mail address.")];
        }

        return Errors.Count == 0;
    }
}
