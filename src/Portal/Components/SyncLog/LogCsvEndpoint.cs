using System.Globalization;
using System.Text;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Auth;
using Koppel.Portal.Components.Shared;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>
/// GET /tenants/{slug}/log/export.csv with the viewer's filters: every matching row, streamed as it is read,
/// so a million-row export never sits in memory.
/// </summary>
public static class LogCsvEndpoint
{
    public static RouteHandlerBuilder MapLogCsvExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/tenants/{slug}/log/export.csv", ExportAsync)
            .RequireAuthorization(PortalPolicies.TenantAccess)
            .ExcludeFromDescription();

    private static async Task ExportAsync(string slug, HttpContext http, SyncLogService log, TenantService tenants, CancellationToken ct)
    {
        var (filter, errors) = LogFilter.Parse(http.Request.Query);
        var tenant = await tenants.GetAsync(slug, ct);
        if (tenant is null || errors.Count > 0)
        {
            http.Response.StatusCode = tenant is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(tenant is null ? $"There is no tenant \"{slug}\"." : string.Join(Environment.NewLine, errors), ct);
            return;
        }

        var flowNames = tenant.Flows.ToDictionary(f => f.Key, f => f.Name);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"sync-log-{slug}-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteLineAsync("Time (UTC),Flow,Outcome,Record,Name,Target record,Run,Message");
        var rows = 0;
        await foreach (var row in log.ExportAsync(slug, filter.ToQuery(), ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                row.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(FlowWords.Name(flowNames, row.Flow)),
                Cell(OutcomeWords.Of(row.Outcome)),
                Cell(row.SourceKey),
                Cell(row.DisplayName),
                Cell(row.TargetKey),
                row.RunId.ToString(CultureInfo.InvariantCulture),
                Cell(row.Message)));
            // Flush now and then so the download starts at once and memory stays flat.
            if (++rows % 2000 == 0) await writer.FlushAsync(ct);
        }
    }

    /// <summary>
    /// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula: record keys and messages
    /// come from the customer's systems, so "=HYPERLINK(...)" in an item name must stay text.
    /// </summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
