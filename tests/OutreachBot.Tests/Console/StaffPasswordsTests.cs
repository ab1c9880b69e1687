using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public sealed class StaffPasswordsTests
{
    [Fact]
    public void Hash_AnyPassword_IsPbkdf2Sha512AtOwaspIterations() =>
        Assert.Equal(210_000, SessionTests.IterationsOf(new StaffPasswords().Hash("correct horse battery")));
}
