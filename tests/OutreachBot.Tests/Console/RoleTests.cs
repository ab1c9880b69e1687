using System.Net;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>Each role reaches exactly its pages: a viewer reads, an editor also edits topics, an admin also manages accounts and keys.</summary>
public sealed class RoleTests() : ConsoleHost("Sqlite")
{
    public static TheoryData<StaffRole, string, bool> Pages => new()
    {
        { StaffRole.Viewer, "/console", true },
        { StaffRole.Viewer, "/console/topics", true },
        { StaffRole.Viewer, "/console/parked", true },
        { StaffRole.Viewer, "/console/export", true },
        { StaffRole.Viewer, "/console/topics/edit", false },
        { StaffRole.Viewer, "/console/topics/edit/volunteer", false },
        { StaffRole.Viewer, "/console/admin/accounts", false },
        { StaffRole.Viewer, "/console/admin/apikeys", false },
        { StaffRole.Viewer, "/console/admin/audit", false },
        { StaffRole.Viewer, "/console/events", true },
        { StaffRole.Viewer, "/console/events/edit", false },
        { StaffRole.Viewer, "/console/questions", true },
        { StaffRole.Viewer, "/console/faq", true },
        { StaffRole.Viewer, "/console/faq/edit", false },
        { StaffRole.Editor, "/console/events/edit", true },
        { StaffRole.Editor, "/console/faq/edit", true },
        { StaffRole.Editor, "/console/topics/edit", true },
        { StaffRole.Editor, "/console/topics/edit/volunteer", true },
        { StaffRole.Editor, "/console/admin/accounts", false },
        { StaffRole.Editor, "/console/admin/audit", false },
        { StaffRole.Approver, "/console/topics/edit", true },
        { StaffRole.Approver, "/console/admin/apikeys", false },
        { StaffRole.Admin, "/console/admin/accounts", true },
        { StaffRole.Admin, "/console/admin/accounts/new", true },
        { StaffRole.Admin, "/console/admin/apikeys", true },
        { StaffRole.Admin, "/console/admin/audit", true },
        { StaffRole.Admin, "/console/topics/edit", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ForRole_IsOpenOrDenied(StaffRole role, string path, bool allowed)
    {
        using var session = await ConsoleSession.SignedInAsync(Bot, role);

        using var response = await session.Client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(response));
        }
    }

    [Fact]
    public async Task TopicWrites_Viewer_AreDeniedAndChangeNothing()
    {
        using var session = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);
        var before = await Database.ScalarAsync<long>("SELECT sort_order FROM topics WHERE slug = 'volunteer'");

        using var move = await session.PostFormAsync("/console/topics?handler=Move", new() { ["slug"] = "volunteer", ["direction"] = "down" }, "/console/topics");
        using var archive = await session.PostFormAsync("/console/topics?handler=Archive", new() { ["slug"] = "volunteer", ["archive"] = "true" }, "/console/topics");
        using var retry = await session.PostFormAsync("/console/parked?handler=Retry", new() { ["id"] = "1" }, "/console/parked");

        Assert.All([move, archive, retry], r => Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(r)));
        Assert.Equal(before, await Database.ScalarAsync<long>("SELECT sort_order FROM topics WHERE slug = 'volunteer'"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM topics WHERE archived <> 0"));
    }

    [Fact]
    public async Task TopicsPage_Viewer_ShowsNoEditControls()
    {
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        Assert.DoesNotContain("handler=Move", await viewer.GetPageAsync("/console/topics"));
        Assert.Contains("handler=Move", await editor.GetPageAsync("/console/topics"));
    }

    [Fact]
    public async Task Menu_NonAdmin_HasNoAdminLinks()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        Assert.DoesNotContain("/console/admin/", await editor.GetPageAsync("/console"));
        Assert.Contains("/console/admin/audit", await admin.GetPageAsync("/console"));
    }

    [Fact]
    public async Task ConsoleCookie_OnTheStaffApi_IsNotAnApiKey()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Client.GetAsync("/api/v1/topics")).StatusCode);
    }
}
