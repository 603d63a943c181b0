namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// The two Exact documents that become Optiply receipt lines: goods receipt lines of purchase orders and
/// completed assembly orders (the assembled item arriving). Record ids carry the source as a prefix.
/// </summary>
public static class ReceiptLineSource
{
    public const string GoodsReceipt = "goodsReceipt";
    public const string AssemblyOrder = "assemblyOrder";

    public const string GoodsReceiptPrefix = "receipt:";
    public const string AssemblyOrderPrefix = "assembly:";

    public static string RecordId(string source, string exactId) =>
        (source == AssemblyOrder ? AssemblyOrderPrefix : GoodsReceiptPrefix) + exactId.ToLowerInvariant();
}
