using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>One Optiply resource as read: its id (always text here), type and attributes, plus the raw answer for the log.</summary>
public sealed record OptiplyResource(string Id, string Type, JsonObject Attributes, string Raw)
{
    /// <summary>Reads a JSON:API resource object; Optiply sends ids as text or as numbers.</summary>
    /// <remarks>The attributes are taken out of <paramref name="data"/>, not copied: it is a document parsed for this.</remarks>
    public static OptiplyResource From(JsonNode data, string raw) => new(
        data["id"]?.ToString() ?? throw new FormatException("An Optiply resource came without an id."),
        data["type"]?.ToString() ?? "",
        TakeAttributes(data),
        raw);

    private static JsonObject TakeAttributes(JsonNode data)
    {
        if (data is not JsonObject resource || resource["attributes"] is not JsonObject attributes) return new JsonObject();
        resource.Remove("attributes");
        return attributes;
    }

    /// <summary>The remote id this coupling wrote, read from <c>remoteIdMap</c> (or a plain <c>remoteId</c>).</summary>
    public string? RemoteId(string? couplingId)
    {
        if (Attributes["remoteId"]?.ToString() is { Length: > 0 } plain) return plain;
        if (Attributes["remoteIdMap"] is not JsonObject map) return null;
        if (couplingId is not null && map[couplingId]?.ToString() is { Length: > 0 } own) return own;
        return map.Select(p => p.Value?.ToString()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }
}

/// <summary>One page of a list: the resources, the next page's URL (null on the last) and the total Optiply reports.</summary>
public sealed record OptiplyPage(IReadOnlyList<OptiplyResource> Data, string? Next, int? Total);
