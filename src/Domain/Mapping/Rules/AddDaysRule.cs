namespace Koppel.Domain.Mapping;

/// <summary>
/// A date plus a number of days, as ISO 8601 text: the seed's ReceiptDate = OrderSyncDateTime + deliveryTime.
/// With <see cref="WorkingDays"/> Saturdays and Sundays are skipped ("the next working day").
/// </summary>
public sealed record AddDaysRule(Rule Date, Rule Days, bool WorkingDays = false) : Rule;
