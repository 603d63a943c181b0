namespace Koppel.Domain.Mapping;

/// <summary>A target field's dotted path; each part is a property of a nested payload object.</summary>
internal static class TargetPath
{
    public static bool TryParse(string? text, out string[] parts, out string error)
    {
        parts = [];
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Target must not be empty";
            return false;
        }
        parts = text.Split('.');
        if (parts.Any(p => p.Length == 0 || p.Any(c => char.IsWhiteSpace(c) || c is '[' or ']')))
        {
            error = $"Target \"{text}\" is not a valid dotted path (parts must be non-empty, without spaces or brackets)";
            return false;
        }
        return true;
    }
}
