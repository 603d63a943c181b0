using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>An answer other than success, raised anywhere in the emulator and written in Optiply's error shape.</summary>
internal sealed class OptiplyError(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public IResult ToResult() => Answer(Status, Message);

    /// <summary>
    /// Optiply's writers parse <c>{"errors":[{"detail","meta":{"message"}}]}</c> first, so that is the shape
    /// sent; both members carry the sentence so a client reading either one names the rejected field.
    /// </summary>
    public static IResult Answer(int status, string detail) => Results.Json(new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
            ["meta"] = new JsonObject { ["message"] = detail },
        }),
    }, contentType: OptiplyDocuments.MediaType, statusCode: status);
}
