using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ShopRenter;

/// <summary>A ShopRenter shop's custom API client: the shop name, its client id and secret, and the two addresses.</summary>
public sealed record ShopRenterAccount(string ShopName, string ClientId, string ClientSecret, string ApiBaseUrl, string TokenUrl)
{
    public const string Platform = "shoprenter";

    public static string DefaultApiBaseUrl(string shop) => $"https://{shop}.api2.myshoprenter.hu/api";
    public static string DefaultTokenUrl(string shop) => $"https://oauth.app.shoprenter.net/{shop}/app/token";

    /// <summary>From a webshop's connection fields; the addresses default to ShopRenter's, built from the shop name.</summary>
    public static ShopRenterAccount From(ConnectionInfo connection)
    {
        var shop = connection.Require("shopName");
        return new(shop, connection.Require("clientId"), connection.Require("clientSecret"),
            (connection.Get("apiBaseUrl") ?? DefaultApiBaseUrl(shop)).TrimEnd('/'), connection.Get("tokenUrl") ?? DefaultTokenUrl(shop));
    }

    /// <summary>The limit is per application per shop.</summary>
    public string RateKey => $"shoprenter:{ApiBaseUrl}:{ClientId}";

    public override string ToString() => $"ShopRenter shop {ShopName}";
}
