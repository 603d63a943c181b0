namespace Koppel.Portal.Components.Mapping;

/// <summary>Counted words that agree with their number ("1 record is", "3 records are").</summary>
public static class Words
{
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static string Verb(int n, string one, string many) => n == 1 ? one : many;
}
