using Koppel.Infrastructure.Integrations;

namespace Koppel.Portal.Components.Tenants.Options;

/// <summary>The live list of values for one option: loading, loaded, or why it could not be read.</summary>
public sealed record ChoiceState(bool Loading, IReadOnlyList<SettingChoice> Items, string? Problem)
{
    public static readonly ChoiceState Pending = new(true, [], null);

    public bool Usable => !Loading && Problem is null;

    /// <summary>The list plus any current value it no longer holds, so a stale id is shown instead of silently dropped.</summary>
    public IReadOnlyList<SettingChoice> With(IEnumerable<string?> current)
    {
        var missing = current.OfType<string>().Where(v => v.Length > 0 && Items.All(i => !string.Equals(i.Value, v, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(v => new SettingChoice(v, $"{v} (not found in the system)"));
        return [.. Items, .. missing];
    }
}
