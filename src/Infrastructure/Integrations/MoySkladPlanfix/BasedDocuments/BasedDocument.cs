namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;

/// <summary>
/// A MoySklad document the hub makes from another one with MoySklad's template (<c>PUT /entity/{Type}/new</c> with
/// <c>{"{BasisKey}": {"meta": …}}</c>), once per Planfix order task: its MoySklad names, the basis it is made from, and
/// the task fields that hold the basis id and the document's id and link.
/// </summary>
/// <param name="BackLink">The basis's list of documents made from it (a customer order's <c>demands</c>): finds a document
/// made before the hub could write its id back.</param>
/// <param name="NoBasis">What the manager is told when the task has no basis document yet.</param>
public sealed record BasedDocument(
    string Type,
    string Noun,
    string BasisKey,
    string BasisType,
    string BackLink,
    string BasisIdField,
    string IdField,
    string LinkField,
    string NoBasis);

/// <summary>What was read of the order task: the basis id and what the hub wrote back before.</summary>
public sealed record DocumentTask(int TaskId, string? BasisId, string? DocumentId, string? DocumentLink, string? Errors);
