using System.Globalization;
using Microsoft.Extensions.Options;

namespace OutreachBot.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Staff API keys written in the settings, each naming the staff account it acts as; prefer keys made in the
    /// console, which are stored hashed.
    /// </summary>
    public IReadOnlyList<ConfiguredApiKey> Keys { get; set; } = [];

    /// <summary>Entries of <c>Api:Keys</c> written as a bare string (the old form), by index: refused at start.</summary>
    public IReadOnlyList<int> BareKeys { get; set; } = [];

    /// <summary>
    /// Reads <c>Api:Keys</c> by hand rather than through the binder, which would turn a bare string entry into an
    /// empty key silently; an entry whose fields are all empty (a test host removing one) is no entry.
    /// </summary>
    public static void Read(IConfiguration configuration, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<ConfiguredApiKey>();
        var bare = new List<int>();
        foreach (var entry in configuration.GetSection(Section).GetSection("Keys").GetChildren())
        {
            var index = int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (!string.IsNullOrEmpty(entry.Value))
            {
                bare.Add(index);
                continue;
            }

            var key = new ConfiguredApiKey(index, entry["Key"], entry["Account"], entry["Role"]);
            if (!string.IsNullOrEmpty(key.Key) || !string.IsNullOrEmpty(key.Account) || !string.IsNullOrEmpty(key.Role))
            {
                keys.Add(key);
            }
        }

        options.Keys = keys;
        options.BareKeys = bare;
    }
}

/// <summary>One entry of <c>Api:Keys</c>: the key, the staff account it acts as, and the most that account may do with it.</summary>
/// <param name="Role">
/// The role the account is created with when it does not exist; the key never acts above it, even when the account's
/// role is higher (so a read-only key of an admin is possible), nor above the account's current role.
/// </param>
public sealed record ConfiguredApiKey(int Index, string? Key, string? Account, string? Role)
{
    /// <summary>How the audit log and the console name the key.</summary>
    public string Name => "Api:Keys:" + Index.ToString(CultureInfo.InvariantCulture);

    public StaffRole? ParsedRole => StaffRoles.Parse(Role?.Trim().ToLowerInvariant());
}

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>How an entry is written, for the messages that refuse one.</summary>
    public static string Shape(int index) =>
        "each entry names the staff account the key acts as: {\"Key\": \"<key>\", \"Account\": \"<username>\", \"Role\": \"viewer|editor|approver|admin\"} "
        + $"(environment: Api__Keys__{index}__Key, Api__Keys__{index}__Account, Api__Keys__{index}__Role)";

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        foreach (var index in options.BareKeys)
        {
            failures.Add($"Api:Keys:{index} is a bare key, which says nobody's key it is; {Shape(index)}.");
        }

        foreach (var key in options.Keys)
        {
            var shape = Shape(key.Index);
            if (string.IsNullOrWhiteSpace(key.Key))
            {
                failures.Add($"{key.Name}:Key is empty; {shape}.");
            }

            if (key.Account is null || !StaffAccount.IsUsername(key.Account.Trim()))
            {
                failures.Add($"{key.Name}:Account must be a staff username (2-40 letters, digits, dots, underscores or hyphens); {shape}.");
            }

            if (key.ParsedRole is null)
            {
                failures.Add($"{key.Name}:Role must be viewer, editor, approver or admin; {shape}.");
            }
        }

        if (options.Keys.Where(k => !string.IsNullOrEmpty(k.Key)).GroupBy(k => k.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            failures.Add("Api:Keys holds the same key twice: a key belongs to one account.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
