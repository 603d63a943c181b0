using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

/// <summary>
/// What an API or scheduled run of the order buttons' flows reads: the tasks of the order template (filter 51) that
/// Planfix reports changed since the cursor, paged as Planfix pages (<c>offset</c>/<c>pageSize</c>, at most 100).
/// <para>
/// The change filter is 79, "date of last modification or comment", not 38: order lines are data-tag rows, which
/// Planfix keeps in comments, and its documentation does not say that a row moves the modification date. The cursor
/// is Planfix's own <c>dateOfLastUpdate</c> (date and time as the token's employee sees them, the time zone filter
/// dates are read in), the latest one listed, so neither the hub's clock nor the employee's time zone can make the
/// sweep miss a change. Filter dates have minutes only: the next run starts at the cursor's minute itself
/// (<c>gtAndEqual</c>), and reads the tasks of that minute again (the engine writes nothing for an unchanged payload).
/// </para>
/// </summary>
public sealed class OrderTaskSweep(PlanfixClient planfix, int templateId)
{
    private const string Format = "dd-MM-yyyy HH:mm";

    /// <summary>The latest change listed so far (the cursor the run ends with), or the cursor it started from.</summary>
    public string? Latest { get; private set; }

    /// <param name="fields">The task fields to list (the system ones and custom field ids); <c>dateOfLastUpdate</c> is added.</param>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> PagesAsync(string? cursor, string fields, [EnumeratorCancellation] CancellationToken ct)
    {
        var since = Parse(cursor);
        Latest = since is null ? null : cursor;
        var filters = new JsonArray();
        // No template chosen yet: every task is listed, and only those holding the hub's document id are swept.
        if (templateId > 0) filters.Add(new JsonObject { ["type"] = 51, ["operator"] = "equal", ["value"] = templateId });
        if (since is { } from)
            filters.Add(new JsonObject
            {
                ["type"] = 79, ["operator"] = "gtAndEqual",
                ["value"] = new JsonObject { ["dateType"] = "otherDate_withTime", ["dateFrom"] = from.ToString(Format, CultureInfo.InvariantCulture) },
            });
        var body = new JsonObject { ["fields"] = fields + ",dateOfLastUpdate", ["filters"] = filters };
        await foreach (var page in planfix.PagesAsync("/task/list", body, "tasks", ct))
        {
            foreach (var task in page) Note(task["dateOfLastUpdate"] as JsonObject);
            yield return page;
        }
    }

    private void Note(JsonObject? changed)
    {
        // TimePoint: "date" dd-MM-yyyy and "time" HH:mm in the employee's time zone, as the filters take them.
        if (Parse($"{changed?["date"]} {changed?["time"]}") is not { } at) return;
        if (Parse(Latest) is not { } latest || at > latest) Latest = at.ToString(Format, CultureInfo.InvariantCulture);
    }

    private static DateTime? Parse(string? value) =>
        DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
