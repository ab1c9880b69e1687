using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>The page and its assets come from the emulator itself, under a strict Content-Security-Policy.</summary>
public sealed partial class ChatPageTests
{
    [Fact]
    public async Task Page_Get_IsServedAsHtmlWithStrictCsp()
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.Client.GetAsync("/chat");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertStrictCsp(response.Headers);
        Assert.Contains("友だち追加", html, StringComparison.Ordinal);
        Assert.Contains("Follow", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%BASE%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Html_HasNoInlineScriptStyleOrHandlers()
    {
        await using var host = await ChatHost.StartAsync();

        var html = await host.Client.GetStringAsync("/chat");

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(@"\sstyle\s*=", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Assets_AreServedFromTheEmulatorWithCsp()
    {
        await using var host = await ChatHost.StartAsync();
        var html = await host.Client.GetStringAsync("/chat");
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Equal(2, assets.Count);
        foreach (var asset in assets)
        {
            Assert.StartsWith("/_emulator/chat/assets/", asset, StringComparison.Ordinal);
            using var response = await host.Client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertStrictCsp(response.Headers);
            Assert.Equal(asset.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css",
                response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task Page_Script_IsLoadedAsANativeModule()
    {
        await using var host = await ChatHost.StartAsync();

        var html = await host.Client.GetStringAsync("/chat");

        Assert.Contains("""<script type="module" src="/_emulator/chat/assets/chat.js"></script>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Modules_AreEachServedAsJavaScriptWithCsp()
    {
        await using var host = await ChatHost.StartAsync();

        var modules = await ChatModules.LoadAsync(host.Client);

        Assert.Contains("chat.js", modules.Keys);
        Assert.Contains("flex.js", modules.Keys);
        foreach (var response in modules.Values)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.ContentType);
            AssertStrictCsp(response.Headers);
        }
    }

    [Fact]
    public async Task Page_Modules_NeverWriteHtml()
    {
        await using var host = await ChatHost.StartAsync();

        var modules = await ChatModules.LoadAsync(host.Client);

        foreach (var (name, module) in modules)
        {
            Assert.False(HtmlWriting().IsMatch(module.Source), $"{name} writes HTML or evaluates code.");
            Assert.False(ForeignUrl().IsMatch(module.Source.Replace("location.href", "", StringComparison.Ordinal)), $"{name} names another site.");
        }
    }

    [Fact]
    public async Task Asset_Unknown_Returns404()
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.Client.GetAsync("/_emulator/chat/assets/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertStrictCsp(HttpResponseHeaders headers)
    {
        var csp = headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        // Only style attributes, which the mail panel's sandboxed frame needs; never inline scripts or style sheets.
        Assert.DoesNotContain(csp.Split(';'), d => d.Contains("unsafe-inline", StringComparison.Ordinal) && d.Trim() != "style-src-attr 'unsafe-inline'");
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
    }

    [GeneratedRegex(@"(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")]
    private static partial Regex HtmlWriting();

    [GeneratedRegex(@"https?://(?!www\.openstreetmap\.org)")]
    private static partial Regex ForeignUrl();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"(?:src|href)=""(?<url>/[^""]+)""")]
    private static partial Regex AssetReference();
}
