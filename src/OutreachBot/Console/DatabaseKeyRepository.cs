using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Keeps Data Protection's key ring (which protects sign-in cookies and anti-forgery tokens) in the database, so that
/// sessions survive restarts and instances sharing a PostgreSQL database read each other's cookies. Keys are stored
/// as the framework writes them; protect the database (and its backups) as you protect the secrets in it.
/// </summary>
internal sealed class DatabaseKeyRepository(Database database, TimeProvider time) : IXmlRepository
{
    // Data Protection's repository interface is synchronous; it is read once per key-ring refresh (about daily).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @Now)",
            new { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), Now = time.GetUtcNow() });
    }
}
