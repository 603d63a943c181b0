using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Sync;

/// <summary>The change check's fingerprint of a payload: equal payloads, equal hashes.</summary>
public static class PayloadHash
{
    public static string Of(JsonObject payload) => Of(Utf8(payload));

    /// <summary>The hash of a payload already written by <see cref="Utf8"/>.</summary>
    public static string Of(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));

    /// <summary>The payload as compact UTF-8 JSON, byte for byte what <c>ToJsonString()</c> encodes (so stored hashes still match).</summary>
    public static byte[] Utf8(JsonObject payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer)) payload.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
