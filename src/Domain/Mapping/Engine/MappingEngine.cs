using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Turns one source record into a target payload by a tenant's <see cref="FieldMapping"/>. Pure: no clock, no I/O.</summary>
public static class MappingEngine
{
    /// <summary>
    /// Fields are written in mapping order; disabled fields are left out so the target keeps its own value.
    /// A field whose rule fails is written as JSON null and reported in <see cref="MappingResult.Problems"/>:
    /// null clears the target predictably and shows up in the change hash and preview, while the flow
    /// decides from the problems whether the record is sent at all. The source is never modified.
    /// With <paramref name="targets"/> (previews) a value the target field would refuse is reported as well.
    /// </summary>
    public static MappingResult Apply(FieldMapping mapping, JsonObject source, MappingContext? context = null, IReadOnlyList<TargetType>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(source);
        var payload = new JsonObject();
        var problems = new List<FieldProblem>();
        foreach (var field in mapping.Fields)
        {
            if (!field.Enabled)
                continue;
            var outcome = Evaluate(field.Rule, source, field.Target, context);
            if (outcome.Problem is not null)
                problems.Add(outcome.Problem);
            else if (targets?.FirstOrDefault(t => t.Name == field.Target)?.Refuses(outcome.Value) is { } refused)
                problems.Add(new FieldProblem(field.Target, refused));
            var writeError = PayloadWriter.Write(payload, field.Target, outcome.Value);
            if (writeError is not null)
                problems.Add(new FieldProblem(field.Target, writeError));
        }
        return new MappingResult(payload, problems);
    }

    /// <summary>One rule's value for a record, for previews; the value is a copy the caller may keep or attach.</summary>
    public static FieldOutcome Evaluate(Rule rule, JsonObject source, string field = "value", MappingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var outcome = new RuleEvaluator(source, field, context).Evaluate(rule);
        return outcome.Failure is null
            ? new FieldOutcome(outcome.Value?.DeepClone(), null)
            : new FieldOutcome(null, new FieldProblem(field, outcome.Failure.Message));
    }

    /// <summary>Whether a condition holds for a record; false with a problem when it cannot be decided.</summary>
    public static (bool Value, FieldProblem? Problem) Test(Condition condition, JsonObject source, string field = "value", MappingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var truth = new RuleEvaluator(source, field, context).Test(condition);
        return (truth.Value, truth.Failure is null ? null : new FieldProblem(field, truth.Failure.Message));
    }
}
