using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Auth;
using Koppel.Portal.Components.Shared;
using MudBlazor;
using Microsoft.AspNetCore.Components;

namespace Koppel.Portal.Components.Inbox;

/// <summary>
/// The open errors of one tenant (<see cref="Slug"/> set) or of every tenant, grouped by reason. The filters live
/// in the address (?flow=, ?tenant=), so every count elsewhere in the portal can link straight to its groups.
/// </summary>
public sealed partial class InboxView : IDisposable
{
    [Inject] private ErrorInbox Inbox { get; set; } = default!;
    [Inject] private SyncLogService Log { get; set; } = default!;
    [Inject] private TenantService Tenants { get; set; } = default!;
    [Inject] private RunLauncher Launcher { get; set; } = default!;
    [Inject] private ErrorRetry Retry { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private CurrentUser User { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<InboxView> Logger { get; set; } = default!;

    /// <summary>The tenant whose inbox this is; null for support's view across tenants.</summary>
    [Parameter] public string? Slug { get; set; }
    [SupplyParameterFromQuery(Name = "flow")] public string? FlowFilter { get; set; }
    [SupplyParameterFromQuery(Name = "tenant")] public string? TenantFilter { get; set; }
    /// <summary>The source or target system of the flows to show, by its name (e.g. "Exact Online").</summary>
    [SupplyParameterFromQuery(Name = "system")] public string? SystemFilter { get; set; }
    /// <summary>Text the reason contains.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? TextFilter { get; set; }
    /// <summary>Words in a record's id, name or source data: only the records they find.</summary>
    [SupplyParameterFromQuery(Name = "record")] public string? RecordFilter { get; set; }
    /// <summary>Only errors failing for at least this many hours.</summary>
    [SupplyParameterFromQuery(Name = "age")] public int? AgeFilter { get; set; }

    /// <summary>The ages offered, in hours.</summary>
    private static readonly (int Hours, string Name)[] Ages = [(1, "an hour"), (24, "a day"), (24 * 7, "a week"), (24 * 30, "30 days")];

    private InboxActions Actions => new(Inbox, User);

    private IReadOnlyList<TenantView> tenants = [];
    private IReadOnlyList<ErrorGroup>? groups;
    private readonly HashSet<ErrorGroup> expanded = new();
    private readonly Dictionary<ErrorGroup, IReadOnlyList<InboxRecord>> records = new();
    private (string Tenant, long Id, LogEntryDetails? Details, string? Problem)? journey;
    private bool resyncing;
    private string? problem;
    private string? notice;
    /// <summary>Retries started from this page and still running, by tenant and flow, with their latest counts.</summary>
    private readonly Dictionary<(string Tenant, string Flow), InboxRetry> retries = new();

    private string TotalText => groups is null or { Count: 0 } ? "" :
        $"{OutcomeWords.Count(groups.Sum(g => g.Count), "open error")} in {OutcomeWords.Count(groups.Count, "group")}";

    /// <summary>The tenants whose flows and systems the filters offer: the page's, the one picked, or all.</summary>
    private IEnumerable<TenantView> Shown => tenants.Where(t => (Slug ?? TenantFilter) is null || t.Slug == (Slug ?? TenantFilter));

    private IEnumerable<string> SystemChoices =>
        Shown.SelectMany(t => t.Flows).SelectMany(f => new[] { f.Source, f.Target }).Distinct().Order(StringComparer.Ordinal);

    private bool Filtered => FlowFilter is not null || TenantFilter is not null || SystemFilter is not null || TextFilter is not null || AgeFilter is not null
                             || RecordFilter is not null;

    /// <summary>What the filters ask of the errors (the system is narrowed per group, see <see cref="LoadAsync"/>).</summary>
    private ErrorFilter Filter => new(FlowFilter, Text: TextFilter, FailingFor: AgeFilter is > 0 and var hours ? TimeSpan.FromHours(hours) : null, Record: RecordFilter);

    /// <summary>A group shows only some of its reason's records: its bulk actions must take exactly those.</summary>
    private bool WithinGroups => AgeFilter is > 0 || RecordFilter is not null;

    private IEnumerable<(string Key, string Name)> FlowChoices =>
        Shown.SelectMany(t => t.Flows).DistinctBy(f => f.Key).Select(f => (f.Key, f.Name));

    protected override void OnInitialized() => Launcher.Changed += OnRunChanged;

    public void Dispose() => Launcher.Changed -= OnRunChanged;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            tenants = Slug is null ? await Tenants.ListAsync(null, CancellationToken.None)
                : await Tenants.GetAsync(Slug, CancellationToken.None) is { } one ? [one] : [];
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Tenants could not be read for the inbox");
            problem = "The tenants could not be read just now. Reload the page to try again.";
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            var found = await Inbox.GroupsAsync(Slug ?? TenantFilter, Filter, CancellationToken.None);
            // A system is a property of a tenant's flow, not of the stored error: the few groups are narrowed here.
            groups = SystemFilter is null ? found
                : found.Where(g => FlowParts(g.Tenant, g.Flow) is var f && (f.Source == SystemFilter || f.Target == SystemFilter)).ToList();
            // Groups that still exist keep their open state, even with another count; their records are read again.
            var open = expanded.Select(g => (g.Tenant, g.Flow, g.Reason)).ToHashSet();
            expanded.Clear();
            expanded.UnionWith(groups.Where(g => open.Contains((g.Tenant, g.Flow, g.Reason))));
            records.Clear();
            foreach (var group in expanded) await LoadRecordsAsync(group);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "The inbox of {Tenant} could not be read", Slug ?? "all tenants");
            problem = "The open errors could not be read just now. Try again in a moment.";
            groups = [];
        }
    }

    private async Task LoadRecordsAsync(ErrorGroup group) =>
        records[group] = (await ShownRecordsAsync(group)).Select(e => new InboxRecord(e)).ToList();

    private Task<IReadOnlyList<OpenError>> ShownRecordsAsync(ErrorGroup group) =>
        Inbox.RecordsAsync(group.Tenant, Filter with { Flow = group.Flow, Reason = group.Reason }, CancellationToken.None);

    private string TenantName(string slug) => tenants.FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;

    private (string Name, string Source, string Target) FlowParts(string tenant, string key) =>
        FlowWords.Parts(tenants.FirstOrDefault(t => t.Slug == tenant)?.Flows, key);

    private string GroupClass(ErrorGroup group, int _) => expanded.Contains(group) ? "group-row group-open" : "group-row";

    private async Task ToggleAsync(ErrorGroup group)
    {
        if (!expanded.Add(group))
        {
            expanded.Remove(group);
            return;
        }
        await LoadRecordsAsync(group);
    }

    // Filters are part of the address: a link, the back button and a reload all show the same groups.
    private void PickFlow(string? flow) => Go("flow", flow);

    // Another tenant may not have the flow picked for this one.
    private void PickTenant(string? tenant) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(
        new Dictionary<string, object?> { ["tenant"] = tenant, ["flow"] = null }));

    private void PickSystem(string? system) => Go("system", system);

    private void PickAge(int? hours) => Go("age", hours);

    private void SearchText(string? text) => Go("q", string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    private void FindRecord(string? text) => Go("record", string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    private void Go(string name, object? value) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, value?.ToString()));

    private async Task OpenJourneyAsync(string tenant, long logId)
    {
        journey = (tenant, logId, null, null);
        StateHasChanged();
        try
        {
            var details = await Log.EntryAsync(tenant, logId, CancellationToken.None);
            journey = (tenant, logId, details, details is null ? "This record's log entry no longer exists." : null);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Log entry {Id} of {Tenant} could not be read", logId, tenant);
            journey = (tenant, logId, null, "The record's journey could not be read just now. Try again in a moment.");
        }
    }

    private async Task ResolveGroupAsync(ErrorGroup group, string? note) =>
        await ChangeAsync(async () =>
        {
            var count = await Actions.ResolveGroupAsync(group, Filter, note, CancellationToken.None);
            notice = $"{OutcomeWords.Count(count, "record")} of “{group.Reason}” resolved.";
            // The journey beside the table showed one of them as failing: no longer the state of things.
            journey = null;
            await LoadAsync();
        });

    private Task ResolveAsync(ErrorGroup group, InboxRecord row) =>
        ChangeAsync(async () => row.Resolved = await Actions.ResolveAsync(group.Tenant, row.Error.Id, null, CancellationToken.None));

    private Task ReopenAsync(ErrorGroup group, InboxRecord row) =>
        ChangeAsync(async () => row.Resolved = !await Actions.ReopenAsync(group.Tenant, row.Error.Id, CancellationToken.None));

    private async Task ChangeAsync(Func<Task> change)
    {
        problem = null;
        try
        {
            await change();
        }
        catch (UnauthorizedAccessException e)
        {
            problem = e.Message;
        }
        catch (Exception e)
        {
            Logger.LogError(e, "An open error of {Tenant} could not be changed", Slug ?? "a tenant");
            problem = "The change could not be saved just now. Try again in a moment.";
        }
    }

    // The journey's resync: one record again now; a success resolves its error, so the groups are read again.
    private async Task ResyncAsync(SyncLogEntry entry)
    {
        if (journey is not { } open || resyncing) return;
        resyncing = true;
        try
        {
            var run = await Launcher.RunAsync(open.Tenant, entry.Flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Manual, entry.SourceKey), CancellationToken.None);
            notice = run.Status == RunStatus.Failed ? null : $"{entry.SourceKey} was sent again.";
            if (run.Status == RunStatus.Failed) problem = $"{entry.SourceKey} could not be sent again: {run.Error}";
        }
        catch (FlowBusy)
        {
            problem = $"The flow is running right now; that run may already bring {entry.SourceKey} up to date.";
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Resync of {Record} for {Tenant} failed to start", entry.SourceKey, open.Tenant);
            problem = $"{entry.SourceKey} could not be sent again because of an unexpected problem.";
        }
        finally
        {
            resyncing = false;
        }
        await LoadAsync();
    }

    private bool Retrying(ErrorGroup group) => retries.ContainsKey((group.Tenant, group.Flow));

    /// <summary>Retries the chosen records of a group, or (null) every record it shows, after saying what it costs.</summary>
    private async Task RetryGroupAsync(ErrorGroup group, IReadOnlyList<string>? keys) =>
        await RetryAsync([(group.Tenant, group.Flow, group.Reason, keys ?? (WithinGroups ? (await ShownRecordsAsync(group)).Select(e => e.SourceKey).ToList() : null))]);

    /// <summary>
    /// Everything the filters show, one run per tenant and flow: all of a flow's open errors when whole flows are
    /// shown, else exactly the records of the groups shown.
    /// </summary>
    private async Task RetryShownAsync()
    {
        var asks = new List<(string, string, string?, IReadOnlyList<string>?)>();
        foreach (var flow in (groups ?? []).GroupBy(g => (g.Tenant, g.Flow)))
        {
            if (TextFilter is null && !WithinGroups)
            {
                asks.Add((flow.Key.Tenant, flow.Key.Flow, null, null));
                continue;
            }
            var keys = new List<string>();
            foreach (var group in flow) keys.AddRange((await ShownRecordsAsync(group)).Select(e => e.SourceKey));
            asks.Add((flow.Key.Tenant, flow.Key.Flow, null, keys));
        }
        await RetryAsync(asks);
    }

    private async Task RetryAsync(IReadOnlyList<(string Tenant, string Flow, string? Reason, IReadOnlyList<string>? Keys)> asks)
    {
        problem = null;
        try
        {
            var costs = new List<(string Tenant, string Flow, string? Reason, IReadOnlyList<string>? Keys, RetryEstimate Cost)>();
            foreach (var ask in asks)
                costs.Add((ask.Tenant, ask.Flow, ask.Reason, ask.Keys, await Retry.EstimateAsync(ask.Tenant, ask.Flow, ask.Reason, ask.Keys, CancellationToken.None)));
            var total = costs.Sum(c => c.Cost.Records);
            if (total == 0)
            {
                notice = "Nothing to retry: these errors were resolved in the meantime.";
                await LoadAsync();
                return;
            }
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                $"Retry {OutcomeWords.Count(total, "record")}?",
                string.Join(" ", costs.Where(c => c.Cost.Records > 0).Select(c => RetryWords.Cost(FlowParts(c.Tenant, c.Flow).Name, c.Cost))),
                yesText: "Retry", cancelText: "Cancel");
            if (confirmed != true) return;
            var started = 0;
            foreach (var c in costs.Where(c => c.Cost.Records > 0))
            {
                try
                {
                    if (await Retry.StartAsync(c.Tenant, c.Flow, c.Reason, c.Keys, RunTrigger.Manual, CancellationToken.None) is not { } run) continue;
                    retries[(c.Tenant, c.Flow)] = new InboxRetry(FlowParts(c.Tenant, c.Flow).Name, run.Cost.Records, run.Run);
                    started += run.Cost.Records;
                }
                catch (FlowBusy)
                {
                    problem = $"{FlowParts(c.Tenant, c.Flow).Name} is running right now; retry once it has finished (that run may already send these records).";
                }
            }
            notice = started == 0 ? null : $"Retrying {OutcomeWords.Count(started, "record")}: progress shows below the filters.";
        }
        catch (Exception e)
        {
            Logger.LogError(e, "A retry of open errors of {Tenant} failed to start", Slug ?? "a tenant");
            problem = "The retry could not be started just now. Try again in a moment.";
        }
    }

    // Raised on the runner's thread for every run of the hub: only the retries this page started are followed.
    private void OnRunChanged(string tenant, SyncRun run)
    {
        if (!retries.TryGetValue((tenant, run.Flow), out var retry) || retry.Run.Id != run.Id) return;
        _ = InvokeAsync(async () =>
        {
            retry.Run = run;
            if (run.Status == RunStatus.Running)
            {
                StateHasChanged();
                return;
            }
            retries.Remove((tenant, run.Flow));
            notice = RetryWords.Finished(retry);
            await LoadAsync();
            StateHasChanged();
        });
    }
}
