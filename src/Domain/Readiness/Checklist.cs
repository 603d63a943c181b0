using FluentValidation;

namespace Koppel.Domain.Readiness;

/// <summary>
/// Turns validation failures into checklist items: each rule of a validator reports the key of its check as its error
/// code, so one validation pass over the records fills every check that validator serves.
/// </summary>
public static class Checklist
{
    /// <summary>How many failing records a check shows; the count says how many there are in all.</summary>
    public const int ExampleCount = 5;

    public static IReadOnlyList<ReadinessCheck> Run<T>(IValidator<T> validator, IEnumerable<T> records, IReadOnlyList<ReadinessItem> items, Func<T, ReadinessExample> example)
    {
        var failing = items.ToDictionary(i => i.Key, _ => new List<ReadinessExample>());
        foreach (var record in records)
        {
            var codes = validator.Validate(record).Errors.Select(e => e.ErrorCode).Distinct();
            foreach (var code in codes)
                if (failing.TryGetValue(code, out var list)) list.Add(example(record));
        }
        return items.Select(i => Of(i, failing[i.Key])).ToList();
    }

    /// <summary>A check that does not apply to this account (e.g. suppliers of a fulfilment account): passed, nothing to show.</summary>
    public static ReadinessCheck NotApplicable(ReadinessItem item) => Of(item, []);

    private static ReadinessCheck Of(ReadinessItem item, List<ReadinessExample> failing) =>
        new(item.Key, item.Title, failing.Count == 0, failing.Count, failing.Take(ExampleCount).ToList(), item.FixUrl);
}
