using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.MailSubscribers;

namespace OutreachBot.Tests.MailSubscribers;

public sealed class SubscriberTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
    private readonly SubscriberTokens _tokens;

    public SubscriberTokensTests() => _tokens = new SubscriberTokens(new EphemeralDataProtectionProvider(), _time);

    [Fact]
    public void Read_ConfirmationWithin48Hours_Valid()
    {
        var token = _tokens.Create(SubscriberTokenPurpose.Confirm, 42, 3);
        _time.Advance(TimeSpan.FromHours(47));

        Assert.Equal(new SubscriberToken(SubscriberTokenStatus.Valid, 42, 3), _tokens.Read(token, SubscriberTokenPurpose.Confirm));
    }

    [Fact]
    public void Read_ConfirmationAfter48Hours_Expired()
    {
        var token = _tokens.Create(SubscriberTokenPurpose.Confirm, 42, 3);
        _time.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        Assert.Equal(SubscriberTokenStatus.Expired, _tokens.Read(token, SubscriberTokenPurpose.Confirm).Status);
    }

    [Fact]
    public void Read_ManageLinkYearsLater_Valid()
    {
        var token = _tokens.Create(SubscriberTokenPurpose.Manage, 7, 1);
        _time.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(SubscriberTokenStatus.Valid, _tokens.Read(token, SubscriberTokenPurpose.Manage).Status);
    }

    [Fact]
    public void Read_TokenForAnotherPurpose_Invalid()
    {
        var token = _tokens.Create(SubscriberTokenPurpose.Manage, 7, 1);

        Assert.Equal(SubscriberTokenStatus.Invalid, _tokens.Read(token, SubscriberTokenPurpose.Confirm).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    public void Read_Garbage_Invalid(string token) =>
        Assert.Equal(SubscriberTokenStatus.Invalid, _tokens.Read(token, SubscriberTokenPurpose.Manage).Status);

    [Fact]
    public void Read_TruncatedOrAltered_Invalid()
    {
        var token = _tokens.Create(SubscriberTokenPurpose.Manage, 7, 1);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Equal(SubscriberTokenStatus.Invalid, _tokens.Read(token[..^5], SubscriberTokenPurpose.Manage).Status);
        Assert.Equal(SubscriberTokenStatus.Invalid, _tokens.Read(altered, SubscriberTokenPurpose.Manage).Status);
    }

    [Fact]
    public void Read_FromAnotherInstallation_Invalid()
    {
        var token = new SubscriberTokens(new EphemeralDataProtectionProvider(), _time).Create(SubscriberTokenPurpose.Manage, 7, 1);

        Assert.Equal(SubscriberTokenStatus.Invalid, _tokens.Read(token, SubscriberTokenPurpose.Manage).Status);
    }
}
