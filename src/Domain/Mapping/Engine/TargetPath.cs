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
        if (!IsValid(text))
        {
            error = $"Target \"{text}\" is not a valid dotted path (parts must be non-empty, without spaces or brackets)";
            return false;
        }
        parts = text.Split('.');
        return true;
    }

    /// <summary>Whether the text is a dotted path, checked without allocating: the writer asks for every field of every record.</summary>
    public static bool IsValid(string text)
    {
        var partLength = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (partLength == 0) return false;
                partLength = 0;
            }
            else if (char.IsWhiteSpace(c) || c is '[' or ']') return false;
            else partLength++;
        }
        return partLength > 0;
    }
}
