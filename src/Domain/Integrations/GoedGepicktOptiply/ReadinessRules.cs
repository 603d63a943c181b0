using System.Text.Json.Nodes;
using FluentValidation;
using Koppel.Domain.Readiness;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// The seed's preparation checklist ("Voorbereiding"): every product has a supplier, every supplier an e-mail address,
/// stock levels are right (no negative free stock where backorders are not allowed), and every product has "order in
/// multiples of". Run against the live GoedGepickt account before the first sync.
/// </summary>
public static class ReadinessRules
{
    public const string ProductsWithoutSupplier = "productsWithoutSupplier";
    public const string SuppliersWithoutEmail = "suppliersWithoutEmail";
    public const string NegativeStockWithoutBackorders = "negativeStockWithoutBackorders";
    public const string ProductsWithoutOrderMultiple = "productsWithoutOrderMultiple";

    /// <summary>The checklist of one GoedGepickt account; <paramref name="suppliers"/> is null for a fulfilment account (they do not sync).</summary>
    /// <param name="app">GoedGepickt's web address (without /api/v1), for the links that lead to the records to fix.</param>
    public static IReadOnlyList<ReadinessCheck> Run(IEnumerable<JsonObject> products, IEnumerable<JsonObject>? suppliers, string app)
    {
        ReadinessItem[] productItems =
        [
            new(ProductsWithoutSupplier, "Every product has a supplier", $"{app}/products"),
            new(NegativeStockWithoutBackorders, "No negative free stock on products that do not allow backorders", $"{app}/products"),
            new(ProductsWithoutOrderMultiple, "Every product has \"order in multiples of\"", $"{app}/products"),
        ];
        var supplierItem = new ReadinessItem(SuppliersWithoutEmail, "Every supplier has an e-mail address", $"{app}/suppliers");
        var checks = Checklist.Run(new ProductReadiness(), products.Select(ProductFacts.From), productItems, p => new(p.Id, p.Name, $"{app}/products/{p.Id}"))
            .ToDictionary(c => c.Key);
        checks[SuppliersWithoutEmail] = suppliers is null
            ? Checklist.NotApplicable(supplierItem)
            : Checklist.Run(new SupplierReadiness(), suppliers.Select(SupplierFacts.From), [supplierItem], s => new(s.Id, s.Name, $"{app}/suppliers/{s.Id}"))[0];
        return [checks[ProductsWithoutSupplier], checks[SuppliersWithoutEmail], checks[NegativeStockWithoutBackorders], checks[ProductsWithoutOrderMultiple]];
    }
}

/// <summary>What the checklist reads of a GoedGepickt product.</summary>
public sealed record ProductFacts(string Id, string Name, bool HasSupplier, int FreeStock, bool AllowsBackorders, int? OrderInMultiplesOf)
{
    public static ProductFacts From(JsonObject product) => new(
        GgJson.Text(product["uuid"]) ?? "",
        GgJson.Text(product["name"]) ?? GgJson.Text(product["sku"]) ?? "",
        product["supplier"] is JsonObject supplier && !string.IsNullOrWhiteSpace(GgJson.Text(supplier["uuid"])),
        GgJson.Int(product["stock"]?["freeStock"]) ?? 0,
        GgJson.Bool(product["allowBackorders"]) == true,
        GgJson.Int(product["orderInMultiplesOf"]));
}

/// <summary>What the checklist reads of a GoedGepickt supplier.</summary>
public sealed record SupplierFacts(string Id, string Name, string? Email)
{
    public static SupplierFacts From(JsonObject supplier) =>
        new(GgJson.Text(supplier["uuid"]) ?? "", GgJson.Text(supplier["name"]) ?? "", GgJson.Text(supplier["email"]));
}

/// <summary>The product items of the checklist; each rule's error code is the key of its check.</summary>
public sealed class ProductReadiness : AbstractValidator<ProductFacts>
{
    public ProductReadiness()
    {
        RuleFor(p => p.HasSupplier).Equal(true)
            .WithErrorCode(ReadinessRules.ProductsWithoutSupplier).WithMessage("The product has no supplier.");
        RuleFor(p => p.FreeStock).GreaterThanOrEqualTo(0).Unless(p => p.AllowsBackorders)
            .WithErrorCode(ReadinessRules.NegativeStockWithoutBackorders).WithMessage("The free stock is negative but the product does not allow backorders.");
        // Optiply orders in lots of this size: a missing or zero value leaves it guessing.
        RuleFor(p => p.OrderInMultiplesOf).Must(m => m is > 0)
            .WithErrorCode(ReadinessRules.ProductsWithoutOrderMultiple).WithMessage("\"Order in multiples of\" is not set.");
    }
}

/// <summary>The supplier item of the checklist: Optiply's buy orders go to the supplier's e-mail address.</summary>
public sealed class SupplierReadiness : AbstractValidator<SupplierFacts>
{
    public SupplierReadiness()
    {
        RuleFor(s => s.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(ReadinessRules.SuppliersWithoutEmail).WithMessage("The supplier has no e-mail address.")
            .EmailAddress().WithErrorCode(ReadinessRules.SuppliersWithoutEmail).WithMessage("The supplier's e-mail address is not valid.");
    }
}
