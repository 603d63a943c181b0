using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Portal.Components.Mapping;

/// <summary>One line of the field list: a target field of the flow, or a mapped field the flow no longer knows.</summary>
public sealed record FieldRow(string Name, string Type, string Description, FieldRule? Rule, int? Index, FieldSwitch? Switch);
