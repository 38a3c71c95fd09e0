using System.Xml.Linq;
using InstructorBot.Store;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace InstructorBot.Bot.Security;

/// <summary>
/// The Data Protection key ring in the store's documents (collection <c>data_protection_keys</c>), used on
/// <c>Store:Engine=postgres</c> so every host on the database signs and reads cookies and links with the same keys. A
/// key is stored once under its name (<c>TryInsert</c>); keys are never changed, only added, as Data Protection expects.
/// The elements stored are what the configured encryptor made (AES-GCM under <c>DataProtection:Key</c>, a certificate,
/// or clear when neither is configured).
/// </summary>
public sealed class DocumentXmlRepository(InstructorStore store) : IXmlRepository
{
    public const string Collection = "data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.Documents.All<StoredKey>(Collection).OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => XElement.Parse(k.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        var xml = element.ToString(SaveOptions.DisableFormatting);

        // Called synchronously by the key manager when it creates a key (rarely: once per key lifetime).
        store.WriteDocumentsAsync(documents => documents.TryInsert(Collection, name, new StoredKey(name, xml))).GetAwaiter().GetResult();
    }

    /// <summary>One key element as stored.</summary>
    public sealed record StoredKey(string Name, string Xml);
}
