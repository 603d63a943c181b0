using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Koppel.Portal.Components.Mapping;

/// <summary>The editor's unsaved draft: kept in the browser on every edit, brought back on the next visit, and a prompt before leaving it.</summary>
public sealed partial class MappingEditorPage
{
    private DraftStore Drafts => drafts ??= new DraftStore(Js, Log);

    /// <summary>Brings back a draft the browser kept (a reload, a reconnect, a restarted server) before anything else is edited.</summary>
    private async Task RestoreStoredDraftAsync()
    {
        draftChecked = true;
        var stored = await Drafts.ReadAsync(Slug, Flow);
        if (stored is not null && saved is not null && !stored.Mapping.Equals(saved.Mapping))
        {
            draft = stored.Mapping;
            impactStale = impact is not null;
            Say(stored.BaseVersion == saved.Version
                ? "Your unsaved changes are back in the editor. Save them, or discard them to see the saved mapping."
                : $"Your unsaved changes are back in the editor. They were made on version {stored.BaseVersion}; version {saved.Version} was saved since. " +
                  "Compare them in the history before you save.", stored.BaseVersion == saved.Version ? Severity.Info : Severity.Warning);
        }
        else if (stored is not null)
            await Drafts.ClearAsync(Slug, Flow);
        StateHasChanged();
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!Dirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync("Leave with unsaved changes?",
            "Your changes to this mapping are not saved. They stay in this browser and come back when you open this mapping again.",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true) context.PreventNavigation();
    }

    // Written on every edit: the browser is the one place a draft survives the circuit.
    private Task KeepDraftAsync() =>
        saved is null ? Task.CompletedTask
        : Dirty ? Drafts.WriteAsync(Slug, Flow, saved.Version, draft)
        : Drafts.ClearAsync(Slug, Flow);
}
