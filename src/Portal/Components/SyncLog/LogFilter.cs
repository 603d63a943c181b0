using System.Globalization;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog;
using Microsoft.AspNetCore.WebUtilities;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>
/// The filters of the log viewer, also written into the CSV link's query string so the download holds exactly
/// the rows on screen. Dates are whole UTC days; "to" includes its day.
/// </summary>
public sealed class LogFilter
{
    public string? Flow { get; set; }
    public Outcome? Outcome { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? Text { get; set; }
    public long? RunId { get; set; }

    public LogQuery ToQuery() => new()
    {
        Flow = string.IsNullOrEmpty(Flow) ? null : Flow,
        Outcome = Outcome,
        From = From is { } from ? DateTime.SpecifyKind(from.Date, DateTimeKind.Utc) : null,
        To = To is { } to ? DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc) : null,
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        RunId = RunId,
    };

    public bool IsEmpty => ToQuery() == new LogQuery();

    public string ToQueryString()
    {
        var values = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(Flow)) values["flow"] = Flow;
        if (Outcome is { } outcome) values["outcome"] = outcome.ToString().ToLowerInvariant();
        if (From is { } from) values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to) values["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Text)) values["q"] = Text.Trim();
        if (RunId is { } run) values["run"] = run.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", values);
    }

    /// <summary>Reads the filter back from a query string; each value that makes no sense is named in the errors.</summary>
    public static (LogFilter Filter, IReadOnlyList<string> Errors) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var filter = new LogFilter { Flow = query["flow"].ToString() is { Length: > 0 } flow ? flow : null, Text = query["q"] };
        if (query["outcome"].ToString() is { Length: > 0 } outcome)
        {
            if (Enum.TryParse<Outcome>(outcome, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(outcome, out _))
                filter.Outcome = parsed;
            else
                errors.Add($"outcome: use one of {string.Join(", ", Enum.GetNames<Outcome>().Select(n => n.ToLowerInvariant()))}.");
        }
        filter.From = Day(query, "from", errors);
        filter.To = Day(query, "to", errors);
        if (query["run"].ToString() is { Length: > 0 } run)
        {
            if (long.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) filter.RunId = id;
            else errors.Add("run: use the run's number.");
        }
        return (filter, errors);
    }

    private static DateTime? Day(IQueryCollection query, string name, List<string> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors.Add($"{name}: use a date like 2026-11-22.");
        return null;
    }
}
