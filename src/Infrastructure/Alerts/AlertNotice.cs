using System.Text.Json;
using System.Text.Json.Serialization;
using Koppel.Domain.Alerts;

namespace Koppel.Infrastructure.Alerts;

/// <summary>The facts of one notice, the same in the webhook's JSON and the e-mail's text.</summary>
public sealed record AlertNotice(
    string Tenant, string TenantName, string Flow, string FlowName, NoticeKind Kind, AlertKind Alert,
    string Reason, int FailedRuns, int FailedRecords, Uri Link)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string Subject => Kind == NoticeKind.Opened
        ? $"Koppel alert: {TenantName}, {FlowName}"
        : $"Koppel resolved: {TenantName}, {FlowName}";

    public string ToText() =>
        $"""
        {Reason}

        Tenant: {TenantName} ({Tenant})
        Flow: {FlowName} ({Flow})
        Failed runs in a row: {FailedRuns}
        Failed records: {FailedRecords}

        The log of this flow's failures: {Link}
        """;
}
