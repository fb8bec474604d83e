using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Notify.Workflows.Persistence;

namespace Notify.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring, which encrypts sign-in cookies and the stored SMTP password and Twilio token. One node
/// keeps it in its data folder; nodes sharing a PostgreSQL database share it there. With
/// <c>Notify:DataProtection:Certificate:Path</c> (a PFX file) and <c>…:Password</c> the keys themselves are encrypted
/// with that certificate, so a copy of the folder or the database alone does not reveal the secrets.
/// </summary>
public static class NotifyDataProtection
{
    public const string CertificatePathKey = "Notify:DataProtection:Certificate:Path";
    public const string CertificatePasswordKey = "Notify:DataProtection:Certificate:Password";
    public const string KeysFolderKey = "Notify:DataProtection:KeysFolder";

    public static void AddNotifyDataProtection(this WebApplicationBuilder builder, string dataFolder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Notify");
        if (builder.Configuration.GetValue("Notify:Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Postgres)
        {
            dataProtection.PersistKeysToDbContext<NotifyDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration[KeysFolderKey] is { Length: > 0 } folder ? folder : Path.Combine(dataFolder, "keys")));
        }

        if (builder.Configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            var certificate = Load(path, builder.Configuration[CertificatePasswordKey]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>The certificate, or a start-up error that names the setting and says what is wrong.</summary>
    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathKey}: there is no file '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{CertificatePathKey}: '{path}' could not be opened as a PFX file with the password in {CertificatePasswordKey} ({ex.Message}).", ex);
        }

        using var rsa = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        if (rsa is null)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: '{path}' has no RSA private key; the key ring needs one to encrypt and decrypt.");
        }

        return certificate;
    }
}
