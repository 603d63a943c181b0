using System.Text.Json;
using Koppel.Domain.Mapping;
using Microsoft.JSInterop;

namespace Koppel.Portal.Components.Mapping;

/// <summary>An unsaved draft as the browser keeps it, with the version it was edited from.</summary>
public sealed record StoredDraft(int BaseVersion, FieldMapping Mapping);

/// <summary>
/// Keeps the editor's unsaved draft in the browser's localStorage, so a reload, a lost connection or a restarted
/// server does not lose it. The server holds nothing: the draft is the person's until they save or discard it.
/// Mappings hold no secrets (those live in connections), so plain storage is enough.
/// </summary>
public sealed class DraftStore(IJSRuntime js, ILogger logger)
{
    private sealed record Stored(int BaseVersion, string Mapping);

    public static string Key(string slug, string flow) => $"koppel.mapping-draft.{slug}.{flow}";

    public async Task<StoredDraft?> ReadAsync(string slug, string flow)
    {
        try
        {
            var text = await js.InvokeAsync<string?>("localStorage.getItem", Key(slug, flow));
            if (string.IsNullOrEmpty(text)) return null;
            var stored = JsonSerializer.Deserialize<Stored>(text, JsonSerializerOptions.Web);
            return stored is null ? null : new StoredDraft(stored.BaseVersion, MappingJson.Deserialize(stored.Mapping));
        }
        catch (Exception e) when (e is JsonException or MappingFormatException)
        {
            // A draft from an older editor that no longer reads: drop it rather than fail the page.
            logger.LogWarning(e, "A stored mapping draft of {Tenant}/{Flow} could not be read and was dropped", slug, flow);
            await ClearAsync(slug, flow);
            return null;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
    }

    public Task WriteAsync(string slug, string flow, int baseVersion, FieldMapping draft) =>
        CallAsync("localStorage.setItem", Key(slug, flow), JsonSerializer.Serialize(new Stored(baseVersion, MappingJson.Serialize(draft)), JsonSerializerOptions.Web));

    public Task ClearAsync(string slug, string flow) => CallAsync("localStorage.removeItem", Key(slug, flow));

    private async Task CallAsync(string function, params object[] args)
    {
        try
        {
            await js.InvokeVoidAsync(function, args);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // Storage full or the circuit gone: the editor works on; only the reload safety net is missing.
            logger.LogInformation(e, "The browser did not keep the mapping draft ({Function})", function);
        }
    }
}
