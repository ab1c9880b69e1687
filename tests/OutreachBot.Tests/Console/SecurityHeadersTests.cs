using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public sealed class SecurityHeadersTests() : ConsoleHost("Sqlite")
{
    [Theory]
    [InlineData("/console/signin")]
    [InlineData("/console")]
    [InlineData("/api/v1/topics")]
    [InlineData("/healthz")]
    public async Task Response_AnyRoute_CarriesTheSecurityHeaders(string path)
    {
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.Client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task ConsolePages_Markup_HaveNoInlineScriptOrStyle()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        foreach (var page in new[] { "/console", "/console/topics", "/console/topics/edit/volunteer", "/console/admin/accounts", "/console/admin/audit", "/console/export" })
        {
            var html = await admin.GetPageAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotContain(" style=", html);
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }

    [Fact]
    public async Task SignInCookie_Attributes_AreHttpOnlyAndSameSiteStrict()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Viewer);
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.SignInAsync("sato", ConsoleSession.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".OutreachBot.StaffConsole=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase); // ends with the browser session
    }

    [Fact]
    public async Task SignInCookie_BehindTheTlsProxy_IsSecure()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Viewer);
        using var session = ConsoleSession.Anonymous(Bot);
        var token = await session.TokenAsync("/console/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = "sato", ["Password"] = ConsoleSession.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await session.Client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".OutreachBot.StaffConsole=", StringComparison.Ordinal));

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
