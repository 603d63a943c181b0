using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Takes one source record through the flow's rules, the tenant's mapping, the change check and the sink.
/// Touches no database: its result is committed with the rest of the page.
/// </summary>
internal sealed class RecordProcessor(FlowDefinition flow, FlowParts parts, FieldMapping mapping, ILogger log)
{
    public FlowParts Parts => parts;

    public async Task<RecordResult> ProcessAsync(SourceRecord record, RecordLinkState? link, bool force, CancellationToken ct)
    {
        // Named before the rules run, from the record as the source gave it.
        var title = record.Deleted ? null : flow.Title.Of(record.Data);
        var result = await HandleAsync(record, link, force, ct);
        return title is null ? result : result with { DisplayName = title };
    }

    private async Task<RecordResult> HandleAsync(SourceRecord record, RecordLinkState? link, bool force, CancellationToken ct)
    {
        // Accents and Cyrillic kept as written, so the log search finds "Vevő" or "Товар" inside the payload.
        var source = JsonText.Of(record.Data);
        if (record.Problem is not null)
            return new RecordResult(record.Id, Outcome.Failed)
            {
                Message = $"This record could not be read from {flow.SourceSystem}: {record.Problem}. It was skipped; the rest of the run went on.",
                SourcePayload = source,
            };

        if (record.Deleted)
            return await DeleteAsync(record.Id, link, $"It was deleted in {flow.SourceSystem}.", source, ct);

        // The record as read is in the source payload above, so the rules may add their fields to the record itself.
        var data = record.Data;
        var warnings = new List<string>();
        foreach (var rule in parts.Rules)
        {
            switch (rule.Apply(data))
            {
                case RuleDecision.Keep keep:
                    data = keep.Data;
                    warnings.AddRange(keep.Warnings);
                    break;
                case RuleDecision.Skip skip:
                    return new RecordResult(record.Id, Outcome.Skipped) { Message = skip.Reason, Setting = skip.Setting, Logged = skip.Log, SourcePayload = source, TargetId = link?.TargetId };
                case RuleDecision.Delete delete:
                    return await DeleteAsync(record.Id, link, delete.Reason, source, ct);
                case RuleDecision.Retry retry:
                    return new RecordResult(record.Id, Outcome.Failed) { Message = retry.Reason, Setting = retry.Setting, SourcePayload = source, TargetId = link?.TargetId };
            }
        }

        if (flow.CreateOnly && link is not null && !force)
            return new RecordResult(record.Id, Outcome.Unchanged) { Logged = false, TargetId = link.TargetId };

        var mapped = MappingEngine.Apply(mapping, data);
        warnings.AddRange(mapped.Problems.Select(p => $"{p.Field}: {p.Message}"));
        var payload = mapped.Payload;
        // Serialized once: the change check hashes these bytes (unless it has to blank sync times) and the log keeps them as text.
        var serialized = PayloadHash.Utf8(payload);
        var checkedPayload = flow.ForChangeCheck(payload);
        var hash = ReferenceEquals(checkedPayload, payload) ? PayloadHash.Of(serialized) : PayloadHash.Of(checkedPayload);
        if (link is not null && link.PayloadHash == hash && !force)
            return new RecordResult(record.Id, Outcome.Unchanged) { Logged = false, TargetId = link.TargetId, PayloadHash = hash };

        var target = Encoding.UTF8.GetString(serialized);
        // A field the tenant's mapping could not fill is the one thing in this entry the reader can change (and the
        // likely cause when the target then refuses the record).
        var mappingSetting = mapped.Problems.Count > 0 ? DecidingSetting.Mapping(flow.Key, mapped.Problems[0].Field) : null;
        try
        {
            var (outcome, write) = await WriteAsync(record.Id, link, payload, ct);
            return new RecordResult(record.Id, outcome)
            {
                Message = Describe(outcome, write.TargetId, warnings),
                Setting = mappingSetting,
                TargetId = write.TargetId,
                SourcePayload = source,
                TargetPayload = target,
                TargetResponse = write.Response,
                PayloadHash = hash,
                Links = write.Links,
            };
        }
        catch (Exception e) when (e is not RunStopped && e is not OperationCanceledException || e is TimeoutRejectedException)
        {
            return Failure(record.Id, e, source, target, link?.TargetId) with { Setting = mappingSetting };
        }
    }

    private async Task<(Outcome, TargetWrite)> WriteAsync(string sourceId, RecordLinkState? link, JsonObject payload, CancellationToken ct)
    {
        if (link is not null)
            return (Outcome.Updated, await parts.Sink.UpdateAsync(link.TargetId, sourceId, payload, ct));
        // Unlinked: the target may still hold it if an earlier run wrote it and stopped before linking.
        var existing = await parts.Sink.FindAsync(sourceId, ct);
        return existing is null
            ? (Outcome.Created, await parts.Sink.CreateAsync(sourceId, payload, ct))
            : (Outcome.Updated, await parts.Sink.UpdateAsync(existing, sourceId, payload, ct));
    }

    private async Task<RecordResult> DeleteAsync(string sourceId, RecordLinkState? link, string reason, string source, CancellationToken ct)
    {
        if (link is null)
            return new RecordResult(sourceId, Outcome.Unchanged) { Logged = false };
        try
        {
            var response = await parts.Sink.DeleteAsync(link.TargetId, ct);
            return new RecordResult(sourceId, Outcome.Deleted)
            {
                Message = $"Removed from {flow.TargetSystem} ({link.TargetId}). {reason}",
                TargetId = link.TargetId,
                SourcePayload = source,
                TargetResponse = response,
                Unlink = true,
            };
        }
        catch (Exception e) when (e is not RunStopped && e is not OperationCanceledException || e is TimeoutRejectedException)
        {
            return Failure(sourceId, e, source, null, link.TargetId);
        }
    }

    private string Describe(Outcome outcome, string targetId, List<string> warnings)
    {
        var what = outcome == Outcome.Created ? "Created" : "Updated";
        var text = $"{what} in {flow.TargetSystem} as {targetId}.";
        return warnings.Count == 0 ? text : $"{text} Note: {string.Join(" ", warnings)}";
    }

    private RecordResult Failure(string sourceId, Exception e, string source, string? target, string? targetId)
    {
        var message = e switch
        {
            SyncProblem p => p.Message,
            HttpRequestException { StatusCode: { } status } =>
                $"{flow.TargetSystem} answered {(int)status} {Reason(status)}. The record will be sent again on the next run.",
            HttpRequestException or TimeoutRejectedException =>
                $"{flow.TargetSystem} could not be reached (it did not answer in time, even after several tries). The record will be sent again on the next run.",
            _ => "An unexpected error stopped this record. Support has the details in the server log.",
        };
        if (e is not SyncProblem)
            log.LogWarning(e, "Flow {Flow}: record {SourceId} failed", flow.Key, sourceId);
        return new RecordResult(sourceId, Outcome.Failed)
        {
            Message = message,
            SourcePayload = source,
            TargetPayload = target,
            TargetResponse = (e as SyncProblem)?.Response,
            TargetId = targetId,
        };
    }

    private static string Reason(HttpStatusCode status) =>
        System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}

/// <summary>The parts of a record link the processor needs, read in bulk per page.</summary>
internal sealed record RecordLinkState(string TargetId, string? PayloadHash);
