using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>The Optiply sinks of a run, each talking to the tenant's "optiply" connection.</summary>
public static class OptiplySinks
{
    public static OptiplySink Products(FlowContext ctx) => For(ctx, OptiplyEntity.Products);
    public static OptiplySink Suppliers(FlowContext ctx) => For(ctx, OptiplyEntity.Suppliers);
    public static OptiplySink SupplierProducts(FlowContext ctx) => For(ctx, OptiplyEntity.SupplierProducts);
    public static OptiplySink ProductCompositions(FlowContext ctx) => For(ctx, OptiplyEntity.ProductCompositions);
    public static OptiplySink SellOrders(FlowContext ctx) => For(ctx, OptiplyEntity.SellOrders);
    public static OptiplySink BuyOrders(FlowContext ctx) => For(ctx, OptiplyEntity.BuyOrders);
    public static OptiplySink BuyOrderLines(FlowContext ctx) => For(ctx, OptiplyEntity.BuyOrderLines);
    public static OptiplySink ReceiptLines(FlowContext ctx) => For(ctx, OptiplyEntity.ReceiptLines);

    public static OptiplySink For(FlowContext ctx, OptiplyEntity entity) => new(Client(ctx), entity);

    /// <summary>A client for the run's Optiply connection (e.g. to read buy orders back).</summary>
    public static OptiplyClient Client(FlowContext ctx) => OptiplyClient.For(ctx.Connection(OptiplyAccount.System), ctx.Http, ctx.Clock);
}
