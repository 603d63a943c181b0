namespace Koppel.Portal.Components.Mapping;

/// <summary>Verbs that agree with their count ("1 is", "3 are"); counted nouns are OutcomeWords.Count.</summary>
public static class Words
{
    public static string Verb(int n, string one, string many) => n == 1 ? one : many;
}
