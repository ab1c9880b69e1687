using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OutreachBot.PublicSite;

/// <summary>The base of every link the bot hands out (mails, feeds, calendars): <c>Site:PublicBaseUrl</c>, else the address this process listens on.</summary>
public sealed class PublicBaseUrl(IOptions<SiteOptions> options, IServer server)
{
    public Uri Value => options.Value.PublicBaseUrl is { } configured ? WithSlash(configured) : Listening();

    public Uri Link(string relative) => new(Value, relative.TrimStart('/'));

    private Uri Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("Site:PublicBaseUrl is not set and the bot listens nowhere yet.");
        return WithSlash(new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)));
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
