using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;
using SkiaSharp;

namespace OutreachBot.Tests.Groups;

/// <summary>
/// A group writes its profile in the console; residents see it on <c>/groups</c> only after an approver approved it, the
/// description in their language, the logo as an image the bot drew anew; staff manage groups through the API too.
/// </summary>
public abstract class GroupProfileTests(string provider) : ConsoleHost(provider, GroupConsole.Settings)
{
    [SkippableFact]
    public async Task Profile_SubmittedByTheGroup_PublicOnlyOnceAnApproverApproves()
    {
        var (id, group, field) = await GroupWithFieldAsync();
        using var approver = await ConsoleSession.SignedInAsync(Bot, StaffRole.Approver);
        using var resident = Bot.CreateClient();

        using var saved = await SubmitAsync(group, field, Logo(900, 600));
        var before = await resident.GetStringAsync("/groups");
        var unpublished = await resident.GetAsync($"/groups/{id}");
        using var approved = await approver.PostFormAsync($"/console/groups/{id}?handler=Approve", [], $"/console/groups/{id}");
        var after = await resident.GetStringAsync($"/groups?field={field}");
        var english = await resident.GetStringAsync($"/groups/{id}?lang=en");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("富里こども食堂の会", before);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Contains("富里こども食堂の会", after);
        Assert.Contains("We cook dinner with children every Friday.", english);
        Assert.Contains("日吉台", english);
        Assert.Equal(1, await CountAuditAsync(AuditActions.GroupProfileApproved, "approver-user"));
    }

    [SkippableFact]
    public async Task Logo_Uploaded_ServedAsAnImageOfAtMost512PixelsWithNosniff()
    {
        var (id, group, field) = await GroupWithFieldAsync();
        using var approver = await ConsoleSession.SignedInAsync(Bot, StaffRole.Approver);
        using var saved = await SubmitAsync(group, field, Logo(1200, 800));
        using var approved = await approver.PostFormAsync($"/console/groups/{id}?handler=Approve", [], $"/console/groups/{id}");

        using var logo = await Bot.CreateClient().GetAsync($"/groups/{id}/logo");
        using var bitmap = SKBitmap.Decode(await logo.Content.ReadAsByteArrayAsync());

        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal((512, 341), (bitmap.Width, bitmap.Height));
    }

    [SkippableFact]
    public async Task Logo_ThatIsNoImage_RefusedAndNothingKept()
    {
        var (id, group, field) = await GroupWithFieldAsync();

        using var refused = await SubmitAsync(group, field, ("<svg onload=alert(1)>"u8.ToArray(), "image/png"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("画像として読めません", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM civic_groups WHERE id = {id} AND pending_profile IS NOT NULL"));
    }

    [SkippableFact]
    public async Task Directory_UnchangedSinceTheLastVisit_Answers304()
    {
        using var resident = Bot.CreateClient();
        using var first = await resident.GetAsync("/groups");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/groups");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await resident.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
    }

    [SkippableFact]
    public async Task Api_CreatesWithAnInvitationLink_AndStaffPublishAProfile()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        using var added = await admin.PostFormAsync("/console/admin/group-fields", new() { ["Names[ja]"] = "環境" });
        var field = await Database.ScalarAsync<long>("SELECT MAX(id) FROM group_fields");
        using var api = Bot.CreateApiClient();

        using var created = await api.PostAsJsonAsync("/api/v1/groups", new { name = "里山の会", email = "satoyama@example.jp" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("group").GetProperty("id").GetInt64();
        using var put = await api.PutAsJsonAsync($"/api/v1/groups/{id}", new
        {
            name = "里山の会", fields = new[] { field }, areas = new[] { "七栄" }, descriptions = new { ja = "里山を手入れします。" }, recruiting = true,
        });
        using var invalid = await api.PutAsJsonAsync($"/api/v1/groups/{id}", new { name = "里山の会", fields = new[] { field }, descriptions = new { en = "English only" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("https://katsudo.city.example.jp/console/group/join?t=", body.GetProperty("invitation").GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("descriptions.ja", out _));
        Assert.Contains("里山を手入れします。", await Bot.CreateClient().GetStringAsync($"/groups/{id}"));
    }

    private async Task<(long Id, ConsoleSession Group, long Field)> GroupWithFieldAsync()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        using var added = await admin.PostFormAsync("/console/admin/group-fields", new() { ["Names[ja]"] = "子育て", ["Names[en]"] = "Child care" });
        var field = await Database.ScalarAsync<long>("SELECT MAX(id) FROM group_fields");
        var (id, link) = await GroupConsole.InviteAsync(admin, "富里こども食堂の会", "shokudo@example.jp");
        return (id, await GroupConsole.JoinAsync(Bot, link, "shokudo"), field);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(ConsoleSession group, long field, (byte[] Bytes, string Type) logo)
    {
        var token = await group.TokenAsync("/console/group");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("富里こども食堂の会"), "Input.Name" },
            { new StringContent(field.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Fields" },
            { new StringContent("日吉台\n七栄"), "AreaLines" },
            { new StringContent("毎週金曜日に子どもたちと夕食をつくります。"), "Input.Descriptions[ja]" },
            { new StringContent("We cook dinner with children every Friday."), "Input.Descriptions[en]" },
            { new StringContent("true"), "Input.Recruiting" },
        };
        var file = new ByteArrayContent(logo.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(logo.Type);
        form.Add(file, "Logo", "logo.png");
        return await group.Client.PostAsync("/console/group", form);
    }

    /// <summary>An opaque picture, as a camera's JPEG would be.</summary>
    private static (byte[] Bytes, string Type) Logo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(11, 110, 79));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return (data.ToArray(), "image/jpeg");
    }
}

public sealed class GroupProfileTestsOnSqlite() : GroupProfileTests("Sqlite");

public sealed class GroupProfileTestsOnPostgres() : GroupProfileTests("Postgres");
