using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// A flow a webshop's options switch off (pushStock or pushPrices false): it reads nothing and keeps its cursor, so
/// switching it on again sends every change made meanwhile. A record failed before it was switched off is closed as skipped.
/// </summary>
internal sealed class SwitchedOff(string reason, string option) : ISourceStream, IRecordRule
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) => Task.FromResult<SourceRecord?>(new SourceRecord(sourceId, new JsonObject()));

    public RuleDecision Apply(JsonObject data) => new RuleDecision.Skip(reason, Setting: option);

    public FlowParts Parts(ITargetSink sink) => new(this, sink, [this]);
}
