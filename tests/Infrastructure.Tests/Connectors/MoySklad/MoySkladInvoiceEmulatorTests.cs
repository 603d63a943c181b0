using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

/// <summary>The emulator's customer invoices and print API: template from the order, update with positions replaced, export by 303.</summary>
public sealed class MoySkladInvoiceEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/MoySklad/Reference/moysklad-fields.txt");

    [Fact]
    public async Task An_invoice_from_an_orders_template_has_only_real_fields_is_linked_from_the_order_and_prints_as_pdf_and_xls()
    {
        await using var host = await MoySkladHost.StartAsync(products: 2);
        var client = host.Client();
        var (order, product) = await host.OrderAsync(quantity: 2, price: 500);

        var invoice = await client.CreateAsync("invoiceout",
            await client.TemplateAsync("invoiceout", new JsonObject { ["customerOrder"] = client.Reference("customerorder", order["id"]!.ToString()) }));
        var id = invoice["id"]!.ToString();
        var updated = (await client.UpdateAsync("invoiceout", id, new JsonObject
        {
            ["positions"] = new JsonArray(new JsonObject { ["assortment"] = client.Reference("product", product), ["quantity"] = 3, ["price"] = 500 }),
        }))!;
        var pdf = await client.PrintAsync("invoiceout", id, "pdf");
        var xls = await client.PrintAsync("invoiceout", id, "xls");

        Assert.Empty(Reference.Check("InvoiceOut", invoice, new Dictionary<string, string> { ["InvoiceOut.meta"] = "Meta" }));
        Assert.Equal((1000m, 1500m), (invoice["sum"]!.GetValue<decimal>(), updated["sum"]!.GetValue<decimal>()));
        Assert.EndsWith(id, (await client.GetAsync("customerorder", order["id"]!.ToString()))!["invoicesOut"]!.AsArray().Single()!["meta"]!["href"]!.ToString());
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, xls[..4]);
        Assert.Contains(host.Sandbox.Requests, r => r.StartsWith($"POST /entity/invoiceout/{id}/export/", StringComparison.Ordinal));
    }
}
