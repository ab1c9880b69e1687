using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public sealed class SignInAddressTests
{
    [Fact]
    public void Of_TwoIpv6AddressesInOne64_AreOneAddress() =>
        Assert.Equal(SignInAddress.Of("2001:db8:1:2::1"), SignInAddress.Of("2001:db8:1:2:ffff:ee:dd:cc"));

    [Fact]
    public void Of_Ipv6AddressesInOther64s_AreOthers() =>
        Assert.NotEqual(SignInAddress.Of("2001:db8:1:2::1"), SignInAddress.Of("2001:db8:1:3::1"));

    [Theory]
    [InlineData("192.0.2.10", "192.0.2.10")]
    [InlineData("::ffff:192.0.2.10", "192.0.2.10")]
    [InlineData(null, "unknown")]
    public void Of_Ipv4OrNone_IsTheAddressOrOneSharedKey(string? remoteIp, string expected) =>
        Assert.Equal(expected, SignInAddress.Of(remoteIp));
}
