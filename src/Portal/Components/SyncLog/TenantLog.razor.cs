using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>
/// One tenant's sync log: recent runs, filters, the rows a page at a time (read and counted on the server), a
/// record's journey beside the rows, and resync from a row or the journey.
/// </summary>
public sealed partial class TenantLog : IDisposable
{
    private static readonly int[] PageSizes = [25, 50, 100];

    [Inject] private SyncLogService Log { get; set; } = default!;
    [Inject] private TenantService Tenants { get; set; } = default!;
    [Inject] private RunLauncher Launcher { get; set; } = default!;
    [Inject] private ILogger<TenantLog> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public string Slug { get; set; } = "";

    private TenantView? tenant;
    private bool tenantMissing;
    private bool ready;
    private Dictionary<string, string> flowNames = new();
    private IReadOnlyList<(string Key, string Name)> flows = [];

    private LogFilter filter = new();
    private MudTable<LogRow>? table;
    private RunHistory? history;
    private int count;
    private bool countAtLeast;
    private LogQuery? countedFor;
    private LogQuery? countingFor;
    private bool loading;
    private readonly CancellationTokenSource closed = new();
    private string? problem;
    private long? selectedId;
    private LogEntryDetails? details;
    private string? detailsProblem;
    private long? resyncing;
    private (Severity Severity, string Text)? notice;

    private string PagerInfo => countingFor is not null ? "{first_item}-{last_item}, counting…"
        : countAtLeast ? $"{{first_item}}-{{last_item}} of more than {LogViewerCap.Rows:N0}"
        : "{first_item}-{last_item} of {all_items}";

    private string EmptyText => filter.IsEmpty
        ? "Nothing has been logged yet. Records appear here once a flow has run."
        : "No rows match these filters.";

    // The page starts from the filter in its address (?flow=&outcome=&run=...), as alert e-mails and run pages link to it.
    protected override void OnInitialized()
    {
        var (fromAddress, errors) = LogFilter.Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query)));
        filter = fromAddress;
        if (errors.Count > 0) notice = (Severity.Warning, $"Part of the link's filter was left out: {string.Join(" ", errors)}");
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            tenant = await Tenants.GetAsync(Slug, CancellationToken.None);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Tenant {Tenant} could not be read", Slug);
            problem = "The tenant could not be read just now. Reload the page to try again.";
        }
        tenantMissing = tenant is null && problem is null;
        flowNames = tenant?.Flows.ToDictionary(f => f.Key, f => f.Name) ?? new();
        flows = tenant?.Flows.Select(f => (f.Key, f.Name)).ToList() ?? [];
    }

    private string FlowName(string key) => FlowWords.Name(tenant?.Flows, key);

    private (string Name, string Source, string Target) FlowParts(string key) => FlowWords.Parts(tenant?.Flows, key);

    private async Task<TableData<LogRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var shownProblem = problem;
        loading = true;
        try
        {
            var size = state.PageSize > 0 ? state.PageSize : 50;
            var sort = (state.SortLabel, state.SortDirection) switch
            {
                ("SourceKey", SortDirection.Ascending) => LogSort.RecordAscending,
                ("SourceKey", SortDirection.Descending) => LogSort.RecordDescending,
                ("At", SortDirection.Ascending) => LogSort.Oldest,
                _ => LogSort.Newest,
            };
            var query = filter.ToQuery() with { Page = state.Page + 1, PageSize = size, Sort = sort };
            // Counting is the costly part on a big log: do it when the filter changes, not on every page turn, and
            // beside the page rather than before it. Counting a search through ten million rows can take seconds where
            // its first page takes milliseconds; until the count is in, the pager offers the next page when there is one.
            var counting = query with { Page = 1, PageSize = 0, Sort = LogSort.Newest };
            if (counting != countedFor && counting != countingFor) _ = CountAsync(counting);
            var page = await Log.PageAsync(Slug, query, ct);
            problem = null;
            var total = counting == countedFor ? count : (query.Page - 1) * size + page.Rows.Count + (page.HasMore ? 1 : 0);
            return new TableData<LogRow> { Items = page.Rows, TotalItems = total };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new TableData<LogRow> { Items = [], TotalItems = count };
        }
        catch (Exception e)
        {
            Logger.LogError(e, "The log of {Tenant} could not be read", Slug);
            problem = "The log could not be read just now. Try again in a moment; if it keeps happening, support can see why in the server log.";
            return new TableData<LogRow> { Items = [], TotalItems = 0 };
        }
        finally
        {
            loading = false;
            // The table renders its rows itself; the page renders again only when what it shows changed: the first
            // load marks that rows (or the empty state) are on screen, for anyone waiting on the page to settle.
            if (!ready || problem != shownProblem)
            {
                ready = true;
                StateHasChanged();
            }
        }
    }

    /// <summary>
    /// Counts the rows of a filter and, if it is still the one shown, gives the table the count. The page renders
    /// again at both ends, as the pager's wording ("counting…") is this page's.
    /// </summary>
    private async Task CountAsync(LogQuery counting)
    {
        countingFor = counting;
        StateHasChanged();
        try
        {
            var counted = await Log.CountAsync(Slug, counting, LogViewerCap.Rows, closed.Token);
            // Left for another filter or another page meanwhile: the count is of no use.
            if (countingFor != counting || closed.IsCancellationRequested) return;
            (count, countAtLeast, countedFor, countingFor) = (counted.Count, counted.AtLeast, counting, null);
            StateHasChanged();
            // A page still being read takes the count when it is done; one already shown is read again with it.
            if (!loading && table is not null) await table.ReloadServerData();
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Logger.LogError(e, "The log of {Tenant} could not be counted", Slug);
            if (countingFor == counting) countingFor = null;
            problem = "The log could not be counted just now. Try again in a moment; if it keeps happening, support can see why in the server log.";
            StateHasChanged();
        }
    }

    public void Dispose()
    {
        closed.Cancel();
        closed.Dispose();
    }

    private string RowClass(LogRow row, int _) => row.Id == selectedId ? "log-row-selected" : "";

    private async Task ApplyAsync()
    {
        if (table is null) return;
        if (table.CurrentPage > 0) table.NavigateTo(0);
        await table.ReloadServerData();
    }

    private async Task PickRunAsync(long? run)
    {
        filter.RunId = run;
        await ApplyAsync();
    }

    private async Task OpenAsync(long id)
    {
        selectedId = id;
        details = null;
        detailsProblem = null;
        StateHasChanged();
        try
        {
            details = await Log.EntryAsync(Slug, id, CancellationToken.None);
            if (details is null) detailsProblem = "This log entry no longer exists.";
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Log entry {Id} of {Tenant} could not be read", id, Slug);
            detailsProblem = "The record's details could not be read just now. Try again in a moment.";
        }
    }

    private void Close() => (selectedId, details, detailsProblem) = (null, null, null);

    private async Task RunEndedAsync(SyncRun run)
    {
        // New rows from a run that ended: show them unless a resync is about to reload anyway.
        countedFor = null;
        if (table is not null && resyncing is null) await table.ReloadServerData();
    }

    private async Task ResyncAsync(long entryId, string flow, string sourceKey)
    {
        if (resyncing is not null) return;
        resyncing = entryId;
        notice = (Severity.Info, $"Sending {sourceKey} again…");
        StateHasChanged();
        long? open = selectedId;
        try
        {
            var run = await Launcher.RunAsync(Slug, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Manual, sourceKey), CancellationToken.None);
            var newest = (await Log.PageAsync(Slug, new LogQuery { RunId = run.Id, PageSize = 1 }, CancellationToken.None)).Rows.FirstOrDefault();
            notice = run.Status switch
            {
                RunStatus.Failed => (Severity.Warning, $"{sourceKey} could not be sent again: {run.Error}"),
                _ when newest is null => (Severity.Info, $"{sourceKey} was read again; nothing needed to change."),
                _ when newest.Outcome == Outcome.Failed => (Severity.Warning, $"{sourceKey} failed again: {newest.Message}"),
                _ => (Severity.Success, $"{sourceKey}: {newest.Message}"),
            };
            countedFor = null;
            open = newest?.Id ?? selectedId;
        }
        catch (FlowBusy)
        {
            notice = (Severity.Warning, $"The {FlowName(flow)} flow is running right now. Try the resync again once it has finished; that run may already bring {sourceKey} up to date.");
        }
        catch (RecordNotFound missing)
        {
            notice = (Severity.Warning, missing.Message);
        }
        catch (KeyNotFoundException)
        {
            notice = (Severity.Warning, $"The {FlowName(flow)} flow no longer exists for this tenant, so {sourceKey} cannot be sent again.");
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Resync of {Record} in {Flow} for {Tenant} failed to start", sourceKey, flow, Slug);
            notice = (Severity.Error, $"{sourceKey} could not be sent again because of an unexpected problem. Support can see why in the server log.");
        }
        finally
        {
            resyncing = null;
        }
        if (open is { } id) await OpenAsync(id);
        if (table is not null) await table.ReloadServerData();
        if (history is not null) await history.ReloadAsync();
    }
}
