using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>A Planfix error answer: <c>{"result":"fail","code":n,"error":"text"}</c> with the HTTP status Planfix uses for it.</summary>
internal sealed class PlanfixError(int status, int code, string message) : Exception(message)
{
    public IResult Answer() =>
        Results.Json(new JsonObject { ["result"] = "fail", ["code"] = code, ["error"] = Message }, statusCode: status);

    public static PlanfixError InvalidToken() => new(401, 1, "Invalid token");
    // The HTTP status of code 22 is not documented; 400 like the other account-level refusals is assumed.
    public static PlanfixError DailyLimit() => new(400, 22, "The daily request limit has been reached");
    public static PlanfixError BadValue(string message) => new(400, 41, message);
    public static PlanfixError DirectoryNotFound(int id) => new(404, 8000, $"Directory {id} not found");
    public static PlanfixError EntryNotFound(int key) => new(404, 8000, $"Directory entry {key} not found");
    public static PlanfixError TaskNotFound(int id) => new(404, 1000, $"Task {id} not found");
    public static PlanfixError ContactNotFound(int id) => new(404, 2000, $"Contact {id} not found");
    public static PlanfixError UserNotFound(string id) => new(404, 4000, $"User {id} not found");
    public static PlanfixError DataTagNotFound(int id) => new(404, 6000, $"Data tag {id} not found");
    public static PlanfixError BadJson() => new(500, 30, "Invalid JSON");
}
