using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

/// <summary>A tenant's Okos-Ügyvitel company: the address before <c>/api/v1</c>, the company and its API key.</summary>
public sealed record OkosAccount(string BaseUrl, string CompanyId, string ApiKey)
{
    public const string System = "okosUgyvitel";

    public static OkosAccount From(ConnectionInfo connection) =>
        new(connection.Require("baseUrl").TrimEnd('/'), connection.Require("companyId"), connection.Require("apiKey"));

    /// <summary>Every contract path is relative to this.</summary>
    public string CompanyUrl => $"{BaseUrl}/api/v1/companies/{Uri.EscapeDataString(CompanyId)}";

    public override string ToString() => $"Okos-Ügyvitel company {CompanyId}";
}
