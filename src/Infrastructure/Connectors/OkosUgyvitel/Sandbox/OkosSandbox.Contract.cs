using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>The routes of the assumed contract, each a thin call into the company's data.</summary>
public sealed partial class OkosSandbox
{
    private static readonly string[] CustomerFields = ["name", "email", "phone", "taxNumber", "webshopCustomerId", "billingAddress", "shippingAddress"];
    private static readonly string[] ProductFields = ["code", "name", "unit", "vatKey", "netSalesPrice", "minimumStock", "defaultSupplier"];
    private static readonly string[] ProductUpdateFields = ["netSalesPrice", "minimumStock", "defaultSupplier"];
    private static readonly string[] ServiceFields = ["name", "vatKey"];
    private static readonly string[] MethodFields = ["name"];

    private void MapContract(RouteGroupBuilder company)
    {
        company.MapGet("/vat-keys", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.VatKeys.Select(v => new JsonObject { ["key"] = v.Key, ["rate"] = v.Rate }))));
        company.MapGet("/warehouses", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.Warehouses.Select(w => new JsonObject { ["id"] = w.Id, ["name"] = w.Name }))));
        company.MapGet("/numbering-sequences", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.Sequences.Select(s => new JsonObject { ["code"] = s.Code, ["prefix"] = s.Prefix, ["next"] = s.Next }))));

        company.MapGet("/customers", (HttpContext h, string companyId, string? webshopCustomerId, string? email, string? name) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.FindCustomers(webshopCustomerId, email, name).Select(x => x.DeepClone()))));
        company.MapPost("/customers", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, body) =>
            Created(c.CreateCustomer(OkosBody.Check(body, CustomerFields, "name")))));

        company.MapGet("/products", (HttpContext h, string companyId, string? code) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.Products.Where(p => code is null || p.Code == code).Select(p => p.ToJson()))));
        company.MapPost("/products", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, body) =>
            Created(c.CreateProduct(OkosBody.Check(body, ProductFields, "code", "name", "vatKey")).ToJson())));
        company.MapPut("/products/{id}", (HttpContext h, string companyId, string id) => HandleAsync(h, companyId, (c, body) =>
            Results.Json(c.UpdateProduct(id, OkosBody.Check(body, ProductUpdateFields)).ToJson())));

        company.MapGet("/services", (HttpContext h, string companyId, string? name) => HandleAsync(h, companyId, (c, _) =>
            Ok(c.Services.Where(s => name is null || s["name"]?.ToString() == name).Select(s => s.DeepClone()))));
        company.MapPost("/services", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, body) =>
        {
            var service = OkosBody.Check(body, ServiceFields, "name", "vatKey");
            c.CheckVatKey("vatKey", OkosBody.Text(service, "vatKey"));
            return Created(c.CreateNamed(c.Services, service, "service"));
        }));
        foreach (var (path, pick) in new (string, Func<OkosCompany, List<JsonObject>>)[] { ("payment-methods", c => c.PaymentMethods), ("shipping-methods", c => c.ShippingMethods) })
        {
            company.MapGet($"/{path}", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, _) => Ok(pick(c).Select(m => m.DeepClone()))));
            company.MapPost($"/{path}", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, body) =>
                Created(c.CreateNamed(pick(c), OkosBody.Check(body, MethodFields, "name"), path[..^1].Replace('-', ' ')))));
        }

        company.MapPost("/documents", (HttpContext h, string companyId) => HandleAsync(h, companyId, (c, body) =>
        {
            var (document, existed) = c.CreateDocument(OkosBody.Check(body, OkosCompany.DocumentFields, "type", "warehouseId", "lines"));
            return existed
                ? OkosProblem.Answer(409, "Conflict", $"A document with the externalId \"{document.ExternalId}\" exists already: {document.Id}.",
                    new() { ["externalId"] = [document.Id] })
                : Created(new JsonObject { ["id"] = document.Id, ["number"] = document.Number });
        }));
        company.MapGet("/documents", (HttpContext h, string companyId, string? type, string? status, string? externalId, int? page, int? pageSize) => HandleAsync(h, companyId, (c, _) =>
        {
            var size = Math.Clamp(pageSize ?? 100, 1, 500);
            var number = Math.Max(1, page ?? 1);
            var matching = c.Documents.Where(d => (type is null || d.Type == type) && (status is null || d.Status == status) && (externalId is null || d.ExternalId == externalId)).ToList();
            var items = new JsonArray(matching.Skip((number - 1) * size).Take(size).Select(d => (JsonNode?)d.ToJson()).ToArray());
            return Results.Json(new JsonObject { ["items"] = items, ["total"] = matching.Count, ["page"] = number, ["pageSize"] = size });
        }));
        company.MapGet("/documents/{id}", (HttpContext h, string companyId, string id) => HandleAsync(h, companyId, (c, _) =>
            c.Documents.FirstOrDefault(d => d.Id == id) is { } d ? Results.Json(d.ToJson()) : OkosProblem.Answer(404, "Not found", $"There is no document {id}.")));
        company.MapPost("/documents/{id}/invoice", (HttpContext h, string companyId, string id) => HandleAsync(h, companyId, (c, _) =>
            Results.Json(c.Invoice(id).ToJson())));

        company.MapGet("/stock", (HttpContext h, string companyId, string? warehouseId) => HandleAsync(h, companyId, (c, _) => Ok(c.Stock(warehouseId))));
        company.MapGet("/changes", (HttpContext h, string companyId, string? since, int? limit) => HandleAsync(h, companyId, (c, _) =>
        {
            if (!long.TryParse(since ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                throw OkosProblem.Field("since", "The cursor must be a cursor this feed returned (or empty to start).");
            return Ok(c.Changes(from, Math.Clamp(limit ?? 1000, 1, 5000)));
        }));
    }

    private static IResult Ok(IEnumerable<JsonNode> items) => Results.Json(new JsonArray(items.Select(i => (JsonNode?)i).ToArray()));

    private static IResult Created(JsonObject body) => Results.Json(body, statusCode: StatusCodes.Status201Created);
}
