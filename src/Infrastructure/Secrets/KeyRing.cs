using System.Security.Cryptography.X509Certificates;
using Koppel.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koppel.Infrastructure.Secrets;

/// <summary>
/// The Data Protection key ring that encrypts connection secrets. It lives in the hub's database, so every node
/// decrypts the same secrets and they survive a redeploy; outside Development its keys are themselves encrypted with a
/// certificate from configuration, so the database (or a backup of it) alone does not decrypt anything.
/// </summary>
public static class KeyRing
{
    public const string Section = "DataProtection";

    public static void AddKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("Koppel").PersistKeysToDbContext<KoppelDb>();
        var certificate = Certificate(configuration.GetSection(Section));
        if (certificate is not null)
            // Unprotect names the certificate too: on Linux there is no certificate store to find it in by thumbprint.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        else if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{Section}:CertificatePath (a .pfx file) or {Section}:CertificateBase64 (a .pfx, base64) is required outside Development: " +
                "it encrypts the key ring that protects the connection secrets. Give its password in " + Section + ":CertificatePassword.");
    }

    private static X509Certificate2? Certificate(IConfiguration section)
    {
        var password = section["CertificatePassword"];
        if (section["CertificatePath"] is { Length: > 0 } path)
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (section["CertificateBase64"] is { Length: > 0 } base64)
            return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password, X509KeyStorageFlags.EphemeralKeySet);
        return null;
    }
}
