using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Sync;

/// <summary>The change check's fingerprint of a payload: equal payloads, equal hashes.</summary>
public static class PayloadHash
{
    public static string Of(JsonObject payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.ToJsonString())));
}
