using System.Globalization;
using Koppel.Domain.Sync;

namespace Koppel.Portal.Components.Shared;

/// <summary>Runs and times in the words the portal uses. Times are UTC: the server does not know the reader's zone.</summary>
public static class RunText
{
    public static string Mode(RunMode mode) => mode switch
    {
        RunMode.Full => "full resync",
        RunMode.SingleRecord => "single-record resync",
        RunMode.Records => "retry of chosen records",
        _ => "sync",
    };

    public static int Written(SyncRun run) => run.Created + run.Updated + run.Deleted;

    /// <summary>"150 read · 148 written · 0 unchanged · 2 failed" (skipped only when there were any).</summary>
    public static string Counts(SyncRun run)
    {
        var parts = new List<string> { $"{run.Read} read", $"{Written(run)} written", $"{run.Unchanged} unchanged" };
        if (run.Skipped > 0) parts.Add($"{run.Skipped} skipped");
        parts.Add($"{run.Failed} failed");
        return string.Join(" · ", parts);
    }

    /// <summary>The sentence shown when a run ends, e.g. "Full resync of Products succeeded: 150 read · ...".</summary>
    public static string Result(string flowName, SyncRun run)
    {
        var mode = Mode(run.Mode);
        var text = $"{char.ToUpperInvariant(mode[0])}{mode[1..]} of {flowName} {OutcomeWords.Of(run.Status).ToLowerInvariant()}: {Counts(run)}.";
        return run.Error is { Length: > 0 } error ? $"{text} {error}" : text;
    }

    public static string Clock(DateTime utc) => utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Exact(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Ago(DateTime utc, DateTime now) => Span(now - utc) is var s && s == "now" ? "just now" : $"{s} ago";

    public static string Until(DateTimeOffset at, DateTimeOffset now) => Span(at - now) is var s && s == "now" ? "now" : $"in {s}";

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : $"{(int)span.TotalMinutes} min {span.Seconds} s";

    private static string Span(TimeSpan span) => span.Duration() switch
    {
        var d when d < TimeSpan.FromMinutes(1) => "now",
        var d when d < TimeSpan.FromHours(1) => $"{(int)d.TotalMinutes} min",
        var d when d < TimeSpan.FromDays(2) => $"{(int)d.TotalHours} h",
        var d => $"{(int)d.TotalDays} days",
    };
}
