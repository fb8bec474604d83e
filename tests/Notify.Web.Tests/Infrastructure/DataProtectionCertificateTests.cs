using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Tests.Shared;
using Notify.Workflows.Channels;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Infrastructure;

/// <summary>With a certificate configured, the key ring that encrypts the stored SMTP password and Twilio token is itself encrypted.</summary>
public sealed class DataProtectionCertificateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-cert", Guid.NewGuid().ToString("N"));

    private string Certificate(string password)
    {
        Directory.CreateDirectory(_folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Notify key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public async Task WithACertificate_TheKeysAreEncrypted_AndTheStoredPasswordReadsBack()
    {
        using var app = new NotifyAppFactory(seedDemo: false, new Dictionary<string, string?>
        {
            ["Notify:DataProtection:Certificate:Path"] = Certificate("pfx-pass"),
            ["Notify:DataProtection:Certificate:Password"] = "pfx-pass",
        });
        _ = app.CreateClient();
        var store = app.Services.GetRequiredService<ChannelSettingsStore>();

        await store.SaveAsync(new ChannelSettingsInput { SmtpHost = "smtp.example.com", SmtpPassword = "very-secret-smtp" }, CancellationToken.None);

        var ring = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements();
        Assert.NotEmpty(ring);
        Assert.All(ring, key =>
        {
            var xml = key.ToString();
            Assert.Contains("encryptedSecret", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("masterKey", xml);
        });
        var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys(); // read back from the stored XML
        Assert.All(keys, k => Assert.NotNull(k.CreateEncryptor()));
        Assert.Equal("very-secret-smtp", store.Smtp.Password);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var row = await db.ChannelSettings.SingleAsync(s => s.Id == StoredChannelSettings.SingleRowId);
        Assert.DoesNotContain("very-secret-smtp", row.SmtpPasswordProtected);
        Assert.DoesNotContain("very-secret-smtp", row.Json);
    }

    [Theory]
    [InlineData("wrong-pass", "could not be opened as a PFX file")]
    [InlineData(null, "there is no file")]
    public void ABadCertificate_StopsTheStart_NamingTheSetting(string? password, string expected)
    {
        var path = password is null ? Path.Combine(_folder, "missing.pfx") : Certificate("pfx-pass");
        using var app = new NotifyAppFactory(seedDemo: false, new Dictionary<string, string?>
        {
            ["Notify:DataProtection:Certificate:Path"] = path,
            ["Notify:DataProtection:Certificate:Password"] = password,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Notify:DataProtection:Certificate:Path", error.ToString());
        Assert.Contains(expected, error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
