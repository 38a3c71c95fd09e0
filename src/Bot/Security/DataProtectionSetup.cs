using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace InstructorBot.Bot.Security;

/// <summary>
/// Data Protection (session cookies, download links) per deployment: keys in <c>keys/</c> beside the database, encrypted
/// at rest (<see cref="KeyProtectionOptions"/>), and an application name derived from a random deployment id kept in that
/// folder, so a cookie of one host is worthless to another host on another database even if their keys met.
/// </summary>
public static class DataProtectionSetup
{
    public const string KeysFolderName = "keys";

    private const string DeploymentIdFile = "deployment-id";

    public static IServiceCollection AddBotDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new KeyProtectionOptions();
        configuration.GetSection(KeyProtectionOptions.Section).Bind(settings);
        var database = configuration["Store:Path"] is { Length: > 0 } configured ? configured : BotPaths.DefaultDatabase;
        var keys = KeysFolderFor(database);
        CreatePrivateFolder(keys);

        var builder = services.AddDataProtection();
        if (StoreOptions.ParseEngine(configuration["Store:Engine"]) == StoreEngineKind.Postgres)
        {
            // Several hosts on one database: the key ring and the deployment id are in the database, so a cookie or a
            // link made by one host is good on every other (docs/store.md §Several hosts).
            services.AddOptions<KeyManagementOptions>()
                .Configure<InstructorStore>((options, store) => options.XmlRepository = new DocumentXmlRepository(store));
            services.AddOptions<DataProtectionOptions>()
                .Configure<InstructorStore>((options, store) => options.ApplicationDiscriminator = "InstructorBot/" + SharedDeploymentId(store));
        }
        else
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(keys))
                .SetApplicationName("InstructorBot/" + DeploymentId(keys));
        }

        if (!string.IsNullOrWhiteSpace(settings.CertificateFile))
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificateFile, settings.CertificatePassword));
        }
        else if (!string.IsNullOrWhiteSpace(settings.Key))
        {
            var key = ParseKey(settings.Key);
            services.AddSingleton(new DataProtectionKeyMaterial(key));
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new AesGcmXmlEncryptor(key));
        }
        else if (settings.RequireKeyProtection)
        {
            throw new InvalidOperationException(
                "DataProtection:RequireKeyProtection is set, but neither DataProtection:Key (32 bytes, Base64) nor "
                + "DataProtection:CertificateFile is configured: the session-signing keys would be stored in clear.");
        }

        return services;
    }

    /// <summary>The keys' folder for a database file: <c>keys/</c> beside it.</summary>
    public static string KeysFolderFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", KeysFolderName);

    private static byte[] ParseKey(string text)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("DataProtection:Key must be 32 random bytes in Base64 (openssl rand -base64 32).");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException("DataProtection:Key must be 32 random bytes in Base64 (openssl rand -base64 32).");
    }

    /// <summary>A random id made once per database (PostgreSQL): the first host to start writes it, the others read it.</summary>
    private static string SharedDeploymentId(InstructorStore store)
    {
        const string collection = "deployment";
        var proposed = new SharedId(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        store.WriteDocumentsAsync(documents => documents.TryInsert(collection, DeploymentIdFile, proposed)).GetAwaiter().GetResult();
        return store.Documents.Find<SharedId>(collection, DeploymentIdFile)?.Id
            ?? throw new InvalidOperationException("The deployment id was written but cannot be read back.");
    }

    /// <summary>The deployment id as stored in the database.</summary>
    public sealed record SharedId(string Id);

    /// <summary>A random id made once per data folder: the application name's discriminator.</summary>
    private static string DeploymentId(string keys)
    {
        var file = Path.Combine(keys, DeploymentIdFile);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: 32 } existing)
        {
            return existing;
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var temporary = file + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, id);
        try
        {
            // Two hosts starting at once on one folder: the first id written wins, the other reads it.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temporary);
            return File.ReadAllText(file).Trim();
        }

        return id;
    }

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
