using System.Net;
using OutreachBot.PublicSite;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.PublicSite;

/// <summary>What every public page and feed must do, checked on each answer the tests read.</summary>
public static class PublicChecks
{
    public const string BaseUrl = "https://outreach.example.jp/";

    public static Dictionary<string, string?> Settings(string zone = "Asia/Tokyo") => new()
    {
        ["Site:PublicBaseUrl"] = BaseUrl,
        ["Bot:TimeZone"] = zone,
    };

    /// <summary>GETs <paramref name="path"/> as a resident's browser would (no cookies kept) and checks the public rules on the answer.</summary>
    public static async Task<(HttpResponseMessage Response, string Body)> GetAsync(TestBot bot, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = bot.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        AssertPublicHeaders(response, path);
        return (response, body);
    }

    public static void AssertPublicHeaders(HttpResponseMessage response, string path)
    {
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
        Assert.Equal(ConditionalGet.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", ConditionalGet.ContentSecurityPolicy);
        Assert.Contains("script-src 'self';", ConditionalGet.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    /// <summary>The answer has validators, and repeating the request with either of them gives 304 with no body.</summary>
    public static async Task AssertConditionalAsync(TestBot bot, string path)
    {
        var (first, _) = await GetAsync(bot, path);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{path} has no ETag");
        var modified = first.Content.Headers.LastModified;
        using var client = bot.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        using var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        using var tagged = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, tagged.StatusCode);
        Assert.Empty(await tagged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, tagged.Headers.ETag);
        AssertPublicHeaders(tagged, path);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, path);
        otherTag.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(otherTag)).StatusCode);

        if (modified is { } lastModified)
        {
            using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
            byDate.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

            using var older = new HttpRequestMessage(HttpMethod.Get, path);
            older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(older)).StatusCode);
        }
    }
}
