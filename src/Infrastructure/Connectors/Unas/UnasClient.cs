using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Unas;

/// <summary>One entity's answer to a set* call: processed ok, refused with UNAS's reason, or not processed at all.</summary>
public sealed record UnasWriteResult(string Sku, bool Ok, string? Error);

/// <summary>
/// The UNAS XML API: every function a POST of <c>&lt;Params&gt;</c> (or the entities) to <c>{baseUrl}/{function}</c>,
/// signed in with the shop's API key. Each call passes <see cref="UnasCallGuard"/>, so repeated failures pause a
/// function rather than provoke UNAS's IP ban.
/// </summary>
public sealed class UnasClient
{
    /// <summary>getOrder returns at most this many orders per call.</summary>
    public const int OrderPage = 500;

    /// <summary>
    /// About 2,000 calls an hour per shop on PREMIUM. UNAS answers errors with 400, which are not retried; only
    /// server errors are, twice, since each failed call counts towards the ban.
    /// </summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 2000, Window = TimeSpan.FromHours(1), MaxRetries = 2,
        BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(120),
    };

    private readonly HttpClient _signedIn;
    private readonly HttpClient _anonymous;
    private readonly TimeProvider _clock;

    public UnasClient(UnasAccount account, ConnectorHttp http, TimeProvider clock)
    {
        Account = account;
        _clock = clock;
        _anonymous = http.Create($"unas:{account.CacheKey}", Policy);
        Tokens = new UnasTokenSource(account, (f, p, ct) => CallAsync(_anonymous, f, p, ct), clock);
        _signedIn = http.Create($"unas:{account.CacheKey}", Policy, Tokens);
    }

    public static UnasClient For(ConnectionInfo connection, ConnectorHttp http, TimeProvider? clock = null) =>
        new(UnasAccount.From(connection), http, clock ?? TimeProvider.System);

    public UnasAccount Account { get; }
    public UnasTokenSource Tokens { get; }

    /// <summary>
    /// Orders modified at or after <paramref name="modifiedSince"/> (unix seconds), oldest change first, from offset
    /// <paramref name="offset"/>; <paramref name="invoiceStatus"/> filters by InvoiceStatus. Never asks UNAS to mark orders invoiced.
    /// </summary>
    public async Task<IReadOnlyList<XElement>> OrdersAsync(long modifiedSince, int offset, int? invoiceStatus = null, int limit = OrderPage, CancellationToken ct = default)
    {
        var parameters = new XElement("Params", new XElement("TimeModStart", modifiedSince),
            invoiceStatus is { } s ? new XElement("InvoiceStatus", s) : null,
            new XElement("LimitStart", offset), new XElement("LimitNum", Math.Min(limit, OrderPage)));
        return (await CallAsync(_signedIn, "getOrder", parameters, ct)).Elements("Order").ToList();
    }

    /// <summary>One order by its key (UNAS's cheap call), or null.</summary>
    public async Task<XElement?> OrderAsync(string key, CancellationToken ct = default) =>
        (await CallAsync(_signedIn, "getOrder", new XElement("Params", new XElement("Key", key)), ct)).Elements("Order").FirstOrDefault();

    /// <summary>The products with these SKUs (one call for many), with prices and stock.</summary>
    public async Task<IReadOnlyList<XElement>> ProductsAsync(IReadOnlyCollection<string> skus, CancellationToken ct = default) =>
        skus.Count == 0 ? [] : (await CallAsync(_signedIn, "getProduct",
            new XElement("Params", new XElement("Sku", string.Join(',', skus)), new XElement("ContentType", "normal")), ct)).Elements("Product").ToList();

    public async Task<IReadOnlyList<(string Id, string Name)>> WarehousesAsync(CancellationToken ct = default) =>
        (await CallAsync(_signedIn, "getWarehouse", new XElement("Params"), ct)).Elements("Warehouse")
            .Select(w => (w.Element("Id")?.Value ?? "", w.Element("Name")?.Value ?? "")).ToList();

    /// <summary>setProduct with the given &lt;Product&gt; entities; see <see cref="WriteAsync"/>.</summary>
    public Task<IReadOnlyList<UnasWriteResult>> SetProductsAsync(IReadOnlyList<XElement> products, CancellationToken ct = default) => WriteAsync("setProduct", products, ct);

    public Task<IReadOnlyList<UnasWriteResult>> SetStockAsync(IReadOnlyList<XElement> products, CancellationToken ct = default) => WriteAsync("setStock", products, ct);

    /// <summary>
    /// Sends the entities in one call. UNAS stops at the first error: the entities after it were not processed, so
    /// they are sent again in a further call, and every entity ends with its own result.
    /// </summary>
    private async Task<IReadOnlyList<UnasWriteResult>> WriteAsync(string function, IReadOnlyList<XElement> products, CancellationToken ct)
    {
        var results = new List<UnasWriteResult>();
        var pending = products.ToList();
        while (pending.Count > 0)
        {
            var answer = await CallAsync(_signedIn, function, new XElement("Products", pending), ct, entitiesMayFail: true);
            var replies = answer.Elements("Product").ToList();
            for (var i = 0; i < replies.Count && i < pending.Count; i++)
            {
                var ok = replies[i].Element("Status")?.Value == "ok";
                results.Add(new UnasWriteResult(pending[i].Element("Sku")?.Value ?? "", ok, ok ? null : replies[i].Element("Error")?.Value ?? "refused without a reason"));
            }
            if (replies.Count == 0) break;
            pending = pending.Skip(replies.Count).ToList();
        }
        return results;
    }

    private async Task<XElement> CallAsync(HttpClient http, string function, XElement body, CancellationToken ct, bool entitiesMayFail = false)
    {
        UnasCallGuard.EnsureAllowed(Account, function, _clock);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Account.BaseUrl}/{function}")
        {
            Content = new StringContent(new XDeclaration("1.0", "UTF-8", null) + body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml"),
        };
        HttpStatusCode status;
        string text;
        try
        {
            using var response = await http.SendAsync(request, ct);
            (status, text) = (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            UnasCallGuard.Failed(Account, function, _clock);
            throw new RunStopped($"UNAS could not be reached at {Account.BaseUrl}, even after several tries. The run will be tried again later.", e);
        }
        var root = Parse(text);
        if (status == HttpStatusCode.OK && root is not null && root.Name != "Error")
        {
            var failed = entitiesMayFail && root.Elements("Product").Any(p => p.Element("Status")?.Value != "ok");
            if (failed) UnasCallGuard.Failed(Account, function, _clock);
            else UnasCallGuard.Succeeded(Account, function);
            return root;
        }
        var paused = UnasCallGuard.Failed(Account, function, _clock);
        var message = root?.Name == "Error" ? root.Value : $"HTTP {(int)status}";
        var pause = paused ? $" The hub pauses {function} for this shop for an hour so that UNAS does not ban its address." : "";
        if (function == "login" || status == HttpStatusCode.Unauthorized)
            throw new RunStopped($"UNAS refused the login of this shop ({message}). Check the API key on the webshop's connection and that the shop has the PREMIUM or VIP plan.{pause}");
        if (message.Contains("banned", StringComparison.OrdinalIgnoreCase) || paused || (int)status >= 500)
            throw new RunStopped($"UNAS refused {function}: {message}.{pause}");
        throw new SyncProblem($"UNAS refused {function}: {message}.", response: text);
    }

    private static XElement? Parse(string text)
    {
        try { return XDocument.Parse(text).Root; }
        catch (XmlException) { return null; }
    }

    /// <summary>UNAS numbers are plain decimals ("1990", "393.7008").</summary>
    public static decimal Decimal(XElement? element) =>
        decimal.TryParse(element?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
