using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Koppel.Infrastructure.Tests.Hosting;

/// <summary>
/// A self-signed certificate for the key ring, as an operator configures one outside Development
/// (DataProtection:CertificateBase64 and :CertificatePassword). Made once per test process.
/// </summary>
public static class TestKeyRing
{
    public const string Password = "test-key-ring-password";

    private static readonly Lazy<string> Pfx = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Koppel test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, Password));
    });

    /// <summary>The settings that give a hub the certificate.</summary>
    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["DataProtection:CertificateBase64"] = Pfx.Value,
        ["DataProtection:CertificatePassword"] = Password,
    };
}
