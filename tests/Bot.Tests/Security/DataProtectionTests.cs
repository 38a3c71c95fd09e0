using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using InstructorBot.Bot.Security;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 7: the keys that sign session cookies live beside the database, encrypted at rest with a key from
/// configuration, and belong to one deployment: host B on another data folder refuses host A's cookie.
/// </summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_cookie_from_host_A_is_refused_by_host_B_on_another_data_folder()
    {
        using var a = new BotHost();
        using var b = new BotHost();
        var signIn = await SignInAsync(a.CreateClient(), await a.IssueCodeAsync("u_zhang"));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("instructorbot.session=", StringComparison.Ordinal)).Split(';')[0];
        var payload = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("A's secret");

        var atA = await MeAsync(a.CreateClient(), cookie);
        var atB = await MeAsync(b.CreateClient(), cookie);

        Assert.Equal(HttpStatusCode.OK, atA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, atB.StatusCode);
        Assert.ThrowsAny<CryptographicException>(() => b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        Assert.NotEmpty(Directory.GetFiles(DataProtectionSetup.KeysFolderFor(a.DatabasePath), "key-*.xml"));
    }

    [Fact]
    public async Task With_a_configured_key_the_key_files_hold_no_key_in_clear_and_a_restart_still_reads_them()
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var first = new BotHost(settings);
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept");
        var keys = DataProtectionSetup.KeysFolderFor(first.DatabasePath);
        var xml = string.Join("\n", Directory.GetFiles(keys, "key-*.xml").Select(File.ReadAllText));

        using var second = first.Restart();

        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.Contains(nameof(AesGcmXmlDecryptor), xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("kept", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
    }

    [Fact]
    public void With_a_configured_certificate_the_key_files_are_encrypted_to_it()
    {
        var folder = Directory.CreateTempSubdirectory("instructorbot-cert-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=instructorbot-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keys.pfx");
            File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-secret"));
            var first = new BotHost(new Dictionary<string, string?>
            {
                ["DataProtection:CertificateFile"] = pfx,
                ["DataProtection:CertificatePassword"] = "pfx-secret",
            });
            var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept");
            using var host = first.Restart();

            Assert.Equal("kept", host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));

            var xml = string.Join("\n", Directory.GetFiles(DataProtectionSetup.KeysFolderFor(host.DatabasePath), "key-*.xml").Select(File.ReadAllText));
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(certificate.RawData)[..40], xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void When_protection_is_required_the_host_does_not_start_without_a_key_or_certificate()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["DataProtection:RequireKeyProtection"] = "true" }, import: false);

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("DataProtection:RequireKeyProtection", failure.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/signin") { Content = JsonContent.Create(new { code }) };
        request.Headers.Add("X-InstructorBot-Request", "1");
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> MeAsync(HttpClient http, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/me");
        request.Headers.Add("X-InstructorBot-Request", "1");
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }
}
