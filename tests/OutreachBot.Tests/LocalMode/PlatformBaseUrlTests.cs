using OutreachBot.LocalMode;

namespace OutreachBot.Tests.LocalMode;

public sealed class PlatformBaseUrlTests
{
    private static readonly StartMode Production = new(Development: false, LocalModeRequested: false);

    [Fact]
    public void Problem_HttpInProduction_NamesTheSetting() =>
        Assert.StartsWith("Meta:GraphApiBaseUrl must be an https URL", PlatformBaseUrl.Problem(new Uri("http://graph.example"), "Meta:GraphApiBaseUrl", Production));

    [Fact]
    public void Problem_HttpsInProduction_IsNone() =>
        Assert.Null(PlatformBaseUrl.Problem(new Uri("https://graph.facebook.com"), "Meta:GraphApiBaseUrl", Production));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Problem_HttpInDevelopmentOrAskedLocalMode_IsNone(bool development, bool localMode) =>
        Assert.Null(PlatformBaseUrl.Problem(new Uri("http://127.0.0.1:5081"), "Line:ApiBaseUrl", new StartMode(development, localMode)));
}
