using System.Net;
using System.Net.Sockets;

namespace OutreachBot.StaffConsole;

/// <summary>The client address that sign-in failures are counted and locked by.</summary>
public static class SignInAddress
{
    /// <summary>
    /// An IPv4 address as it is; an IPv6 address as its /64, the block one subscriber usually holds whole (counting single
    /// addresses would give a guesser billions of fresh ones). Without a known address (a misconfigured proxy, a test
    /// server) every client shares one key: stricter, never looser.
    /// </summary>
    public static string Of(string? remoteIp)
    {
        if (!IPAddress.TryParse(remoteIp, out var address))
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
