using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Chat;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>
/// <c>/meta</c>, linked from the chat page: the Page's posts and the Instagram account's media as the bot made them,
/// newest first, refreshed every five seconds. Drawn on the server; every text is HTML-escaped.
/// </summary>
internal static class MetaView
{
    public const string PagePath = "/meta";

    public static void Map(IEndpointRouteBuilder app)
    {
        var book = app.ServiceProvider.GetRequiredService<MetaBook>();
        app.MapGet(PagePath, (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ChatEndpoints.ContentSecurityPolicy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(Render(book, http.Request.PathBase.Value ?? ""), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
    }

    internal static string Render(MetaBook book, string pathBase)
    {
        var html = new StringBuilder();
        var e = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>Facebook / Instagram (emulator)</title>
            <link rel="stylesheet" href="{e.Encode(pathBase)}{ChatEndpoints.ApiPrefix}/assets/chat.css"></head>
            <body class="meta-view"><header class="top"><h1>Facebook ページと Instagram <span class="en">Page and Instagram (emulator)</span></h1>
            <p><a href="{e.Encode(pathBase)}{ChatEndpoints.PagePath}">チャットへ <span class="en">to the chat</span></a></p></header>
            <main class="meta-columns">
            <section aria-label="Facebook"><h2>{e.Encode(book.Accounts.PageName)} <span class="en">Facebook Page</span></h2>
            <p class="meta-followers">フォロワー <span class="en">followers</span>: {book.PageFollowers}</p>
            """);
        foreach (var post in book.Posts)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<article class="meta-post{(post.Deleted ? " deleted" : "")}" id="post-{e.Encode(post.Id)}"><time>{post.CreatedTime:yyyy-MM-dd HH:mm:ss}Z</time>""");
            if (post.ImageUrl is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<img src="{e.Encode(post.ImageUrl)}" alt="" width="240">""");
            }

            html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(post.Message)}</p>");
            if (post.Link is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p><a href="{e.Encode(post.Link)}" rel="noreferrer">{e.Encode(post.Link)}</a></p>""");
            }

            html.Append(post.Deleted ? "<p>削除済み <span class=\"en\">deleted</span></p></article>" : "</article>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </section><section aria-label="Instagram"><h2>@{e.Encode(book.Accounts.InstagramUsername)} <span class="en">Instagram</span></h2>
            <p class="meta-followers">フォロワー <span class="en">followers</span>: {book.InstagramFollowers} · 24時間の投稿 <span class="en">posts in 24 hours</span>: {book.QuotaUsage} / {book.Accounts.InstagramQuotaTotal}</p>
            """);
        foreach (var media in book.Media)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <article class="meta-post{(media.Deleted ? " deleted" : "")}" id="media-{e.Encode(media.Id)}"><time>{media.Timestamp:yyyy-MM-dd HH:mm:ss}Z</time>
                <img src="{e.Encode(media.ImageUrl)}" alt="" width="240"><p>{e.Encode(media.Caption)}</p>{(media.Deleted ? "<p>削除済み <span class=\"en\">deleted</span></p>" : "")}</article>
                """);
        }

        return html.Append("</section></main></body></html>").ToString();
    }
}
