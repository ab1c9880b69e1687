using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;
using OutreachBot.StaffConsole;

namespace OutreachBot.PublicSite;

/// <summary>
/// Conditional requests for the public pages and feeds: each answer is kept in memory, its ETag is a hash of exactly
/// those bytes, and a request whose <c>If-None-Match</c> names it (or, without one, whose <c>If-Modified-Since</c> is not
/// before the <c>Last-Modified</c> the page set) gets 304 with no body. Caches may keep the answer but ask again every time
/// (<c>no-cache</c>), so a new broadcast shows at once and an unchanged page costs a few hundred bytes.
/// </summary>
public sealed class ConditionalGet(RequestDelegate next)
{
    /// <summary>The console's policy, with images from any https address: news and events show the images staff link to.</summary>
    public static readonly string ContentSecurityPolicy =
        SecurityHeaders.ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: https:", StringComparison.Ordinal);

    private static readonly string[] Prefixes = ["/news", "/events", "/feeds", "/groups"];

    /// <summary>Sets <c>Last-Modified</c> to <paramref name="at"/> in whole seconds, as HTTP dates carry it.</summary>
    public static void LastModified(HttpResponse response, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (at is { } time)
        {
            response.GetTypedHeaders().LastModified = DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
        }
    }

    public static bool Covers(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) || !Covers(context.Request.Path))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..27]}\"");
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = "public, no-cache";
            if (NotModified(context.Request.GetTypedHeaders(), response.GetTypedHeaders(), etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static bool NotModified(RequestHeaders request, ResponseHeaders response, EntityTagHeaderValue etag)
    {
        if (request.IfNoneMatch is { Count: > 0 } asked)
        {
            return asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && response.LastModified is { } modified && modified <= since;
    }
}
