using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>What every flow of this integration reads from the run's context: the GG client and the typed settings.</summary>
public static class GgFlowParts
{
    public const string SourceSystem = "GoedGepickt";
    public const string TargetSystem = "Optiply";

    public static GoedGepicktClient Client(FlowContext context) =>
        GoedGepicktClient.For(context.Connection(GoedGepicktAccount.System), context.Http);

    public static GoedGepicktOptiplySettings Settings(FlowContext context) => context.SettingsAs<GoedGepicktOptiplySettings>();
}
