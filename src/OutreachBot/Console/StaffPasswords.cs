using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Hashes with ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, salted, at OWASP's current 210,000 iterations, in
/// Identity's V3 format, which records the function, iteration count and salt in each hash; a hash with fewer
/// iterations verifies as "rehash needed" and sign-in replaces it. Also says what makes a password acceptable: long
/// rather than complicated, as NIST SP 800-63B advises.
/// </summary>
public sealed class StaffPasswords
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public const int Iterations = 210_000;

    private static readonly StaffAccount Nobody = new() { Username = "", DisplayName = "", SecurityStamp = "" };
    private readonly PasswordHasher<StaffAccount> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // Verified against when the username is unknown, so that a wrong username takes as long as a wrong password.
    private readonly Lazy<string> _decoy;

    public StaffPasswords() => _decoy = new(() => Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(Nobody, hash, password);

    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Nobody, _decoy.Value, password);

    /// <summary>A one-time password for an admin to hand over: 12 characters without look-alikes (0/O, 1/l/I).</summary>
    public static string Temporary() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);

    /// <summary>Why <paramref name="password"/> cannot be the new password, or null when it can.</summary>
    public static Bilingual? Problem(string? password, string username, string? currentPassword)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return new($"{MinLength}文字以上にしてください。", $"Use at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            return new($"{MaxLength}文字以内にしてください。", $"Use at most {MaxLength} characters.");
        }

        if (username.Length > 0 && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            return new("ユーザー名を含めないでください。", "Do not include the username.");
        }

        if (password == currentPassword)
        {
            return new("今のパスワードとは別のものにしてください。", "Choose a password other than the current one.");
        }

        return password.Distinct().Count() < 4
            ? new("同じ文字の繰り返しは避けてください。", "Avoid repeating the same few characters.")
            : null;
    }
}
