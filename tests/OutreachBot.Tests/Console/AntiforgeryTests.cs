using System.Net;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public sealed class AntiforgeryTests() : ConsoleHost("Sqlite")
{
    [Fact]
    public async Task SignIn_PostWithoutToken_Answers400AndSignsNobodyIn()
    {
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.Client.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "admin", ["Password"] = BootstrapPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAuditAsync(AuditActions.SignInSucceeded));
    }

    [Fact]
    public async Task TopicCreate_PostWithoutToken_Answers400AndCreatesNothing()
    {
        using var session = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        await session.GetPageAsync("/console/topics/edit"); // the anti-forgery cookie is there; only the form token is missing

        using var response = await session.Client.PostAsync("/console/topics/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Slug"] = "forged", ["Input.Names[ja]"] = "偽物", ["Input.Order"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM topics WHERE slug = 'forged'"));
    }

    [Fact]
    public async Task AccountCreate_TokenOfAnotherStaffMember_Answers400()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var editorsToken = await editor.TokenAsync("/console");

        using var response = await admin.Client.PostAsync("/console/admin/accounts/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Username"] = "forged", ["Input.DisplayName"] = "x", ["Input.Role"] = "admin", ["__RequestVerificationToken"] = editorsToken,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
