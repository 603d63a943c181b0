using System.Text.RegularExpressions;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Koppel.Portal.Components.Mapping;

/// <summary>
/// The visual field-mapping editor of one tenant's flow. Edits a draft (an immutable <see cref="FieldMapping"/>
/// replaced on every change), previews it on live samples and on synced records, and saves it as a new version.
/// Every service call is guarded: a failure becomes a sentence on the page and the detail goes to the server log.
/// </summary>
public sealed partial class MappingEditorPage
{
    [Parameter] public string Slug { get; set; } = "";
    [Parameter] public string Flow { get; set; } = "";
    /// <summary>A target field to open first: a log entry's "decided by setting" link names the field that decided it.</summary>
    [SupplyParameterFromQuery(Name = "field")] public string? FieldQuery { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    [Inject] private MappingService Mappings { get; set; } = default!;
    [Inject] private SampleRecords Samples { get; set; } = default!;
    [Inject] private MappingImpact Impact { get; set; } = default!;
    [Inject] private TenantService Tenants { get; set; } = default!;
    [Inject] private IntegrationCatalog Catalog { get; set; } = default!;
    [Inject] private ILogger<MappingEditorPage> Log { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private readonly EditorState state = new();
    private bool loaded;
    private string? loadError;
    private TenantView? tenant;
    private IntegrationDefinition? integration;

    /// <summary>
    /// The tenant's scopes (webshops) when the flow runs per scope: they share this one mapping (the runner reads it by
    /// the flow's own key), so the page names them instead of offering a mapping per webshop.
    /// </summary>
    private IReadOnlyList<string> Scopes => integration?.Scopes is null || tenant is null ? []
        : tenant.Connections.Keys.SelectMany(system => integration.Connections.Select(c => c.KeyOf(system))).OfType<string>()
            .Distinct().Order(StringComparer.Ordinal).ToList();
    private FlowDefinition? flow;
    private MappingView? saved;
    private FieldMapping draft = FieldMapping.Empty;
    private string? selected;
    private string? comment;
    private bool saving;
    private string? message;
    private Severity messageSeverity = Severity.Success;
    private DraftStore? drafts;
    // The browser's stored draft is read once per opened mapping, after the first interactive render.
    private bool draftChecked;
    private int tab;

    private SampleSet? samples;
    private bool samplesLoading;
    private ImpactReport? impact;
    private bool impactLoading;
    private bool impactStale;
    private IReadOnlyList<MappingVersion> history = [];

    private bool Dirty => saved is not null && !draft.Equals(saved.Mapping);

    private IReadOnlyList<FieldRow> Rows
    {
        get
        {
            if (flow is null) return [];
            var switches = integration?.FieldSwitches.Where(s => s.Flow == flow.Key).ToDictionary(s => s.TargetField) ?? [];
            var rows = flow.TargetFields.Select(t => Row(t.Name, t.Type, t.Description, switches)).ToList();
            rows.AddRange(draft.Fields.Where(f => flow.TargetFields.All(t => t.Name != f.Target))
                .Select(f => Row(f.Target, "?", "Not a field of this flow: remove it or the mapping cannot be saved", switches)));
            return rows;
        }
    }

    private FieldRow? SelectedRow => Rows.FirstOrDefault(r => r.Name == selected);

    private FieldRow Row(string name, string type, string description, IReadOnlyDictionary<string, FieldSwitch> switches)
    {
        var index = -1;
        for (var i = 0; i < draft.Fields.Count; i++)
            if (draft.Fields[i].Target == name) { index = i; break; }
        return new FieldRow(name, type, description, index < 0 ? null : draft.Fields[index], index < 0 ? null : index, switches.GetValueOrDefault(name));
    }

    protected override async Task OnParametersSetAsync()
    {
        loaded = false;
        draftChecked = false;
        loadError = null;
        try
        {
            tenant = await Tenants.GetAsync(Slug, CancellationToken.None);
            if (tenant is null)
            {
                loadError = $"There is no tenant \"{Slug}\".";
                return;
            }
            integration = Catalog.Find(tenant.Integration);
            flow = integration?.Flow(Flow);
            if (flow is null)
            {
                loadError = $"The tenant's integration has no flow \"{Flow}\". Open the mapping from the tenant's flows.";
                return;
            }
            saved = await Mappings.GetAsync(Slug, Flow, CancellationToken.None);
            draft = saved.Mapping;
            if (FieldQuery is not null && flow.TargetFields.Any(f => f.Name == FieldQuery)) selected = FieldQuery;
            selected ??= flow.TargetFields.FirstOrDefault()?.Name;
            state.Sources = EditorState.Combine(flow.SourceFields.Select(f => (f.Name, f.Type, f.Description)), []);
            history = await Mappings.HistoryAsync(Slug, Flow, CancellationToken.None);
            loaded = true;
        }
        catch (Exception e)
        {
            Log.LogError(e, "Opening the mapping editor for {Tenant}/{Flow} failed", Slug, Flow);
            loadError = "The mapping could not be loaded. Try again in a moment; the server log has the details.";
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (loaded && !draftChecked)
            await RestoreStoredDraftAsync();
        // Samples come from the source system and may take seconds: the editor is usable before they arrive.
        if (loaded && samples is null && !samplesLoading)
            await LoadSamplesAsync();
    }

    private async Task LoadSamplesAsync()
    {
        if (flow is null) return;
        samplesLoading = true;
        StateHasChanged();
        try
        {
            samples = await Samples.ReadAsync(Slug, Flow);
            state.Sources = EditorState.Combine(flow.SourceFields.Select(f => (f.Name, f.Type, f.Description)), samples.Paths);
        }
        catch (Exception e)
        {
            Log.LogError(e, "Reading samples for {Tenant}/{Flow} failed", Slug, Flow);
            samples = new SampleSet([], "The sample records could not be read. The server log has the details.");
        }
        finally
        {
            samplesLoading = false;
        }
        StateHasChanged();
    }

    private void Select(string target) => selected = target;

    private void Changed(FieldMapping next)
    {
        draft = next;
        impactStale = impact is not null;
        message = null;
        _ = KeepDraftAsync();
    }

    private void SetRule((string Target, Rule Rule) change) => Changed(draft.WithRule(change.Target, change.Rule));

    private void SetEnabled((string Target, bool On) change) => Changed(draft.WithEnabled(change.Target, change.On));

    private void RemoveField(string target) => Changed(new FieldMapping(draft.Fields.Where(f => f.Target != target).ToList()));

    private void AddField(string target) => Changed(draft.WithField(new FieldRule(target, true, RuleKinds.Blank())));

    private async Task DiscardAsync()
    {
        draft = saved!.Mapping;
        state.ClearErrors();
        await Drafts.ClearAsync(Slug, Flow);
        Say("Changes discarded: the editor shows the saved mapping again.", Severity.Info);
    }

    private void ResetToDefault()
    {
        Changed(flow!.DefaultMapping);
        state.ClearErrors();
        Say("The flow's default mapping is in the editor. Check the preview, then save to make it current.", Severity.Info);
    }

    private void Restore(MappingVersion version)
    {
        try
        {
            Changed(MappingJson.Deserialize(version.MappingJson));
            state.ClearErrors();
            Say($"Version {version.Version} is in the editor. Check the preview, then save to make it current.", Severity.Info);
        }
        catch (MappingFormatException e)
        {
            Say($"Version {version.Version} cannot be read: {e.Message}", Severity.Error);
        }
    }

    private async Task CheckImpactAsync()
    {
        impactLoading = true;
        try
        {
            impact = await Impact.ComputeAsync(Slug, Flow, draft);
            impactStale = false;
        }
        catch (Exception e)
        {
            Log.LogError(e, "Impact preview for {Tenant}/{Flow} failed", Slug, Flow);
            impact = new ImpactReport(0, 0, 0, 0, 0, 0, [], false, "The impact could not be computed. The server log has the details.");
        }
        finally
        {
            impactLoading = false;
        }
    }

    private async Task SaveAsync()
    {
        // The same validator the service runs, here first so the messages land at the fields without a round trip.
        var check = new FieldMappingValidator(flow!.TargetFields.Select(f => f.Name)).Validate(draft);
        if (!check.IsValid)
        {
            ShowErrors(check.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
            return;
        }
        saving = true;
        try
        {
            var by = Auth is null ? null : (await Auth).User.Identity?.Name;
            saved = await Mappings.SaveAsync(Slug, Flow, draft, by ?? "portal", string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), CancellationToken.None);
            draft = saved.Mapping;
            await Drafts.ClearAsync(Slug, Flow);
            history = await Mappings.HistoryAsync(Slug, Flow, CancellationToken.None);
            comment = null;
            state.ClearErrors();
            Say($"Saved as version {saved.Version}. The next run of the flow uses it.", Severity.Success);
        }
        catch (InputRejected rejected)
        {
            ShowErrors(rejected.Errors.Select(e => (e.Field, e.Message)));
        }
        catch (Exception e)
        {
            Log.LogError(e, "Saving the mapping of {Tenant}/{Flow} failed", Slug, Flow);
            Say("The mapping could not be saved. Nothing was changed; try again in a moment. The server log has the details.", Severity.Error);
        }
        finally
        {
            saving = false;
        }
    }

    private void ShowErrors(IEnumerable<(string Path, string Message)> errors)
    {
        state.SetErrors(errors);
        message = null;
        // Open the first field with a problem, where the message sits next to the part that is wrong.
        if (state.Errors.Keys.Select(FieldIndex).FirstOrDefault(i => i is not null) is int index && index < draft.Fields.Count)
            selected = draft.Fields[index].Target;
    }

    private string FieldOfPath(string path) =>
        FieldIndex(path) is int i && i < draft.Fields.Count ? draft.Fields[i].Target : path;

    private static int? FieldIndex(string path) =>
        FieldPath().Match(path) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private void Say(string text, Severity severity)
    {
        message = text;
        messageSeverity = severity;
    }

    private static string Local(DateTime? utc) => utc is null ? "" : utc.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^fields\[(\d+)\]")]
    private static partial Regex FieldPath();
}
