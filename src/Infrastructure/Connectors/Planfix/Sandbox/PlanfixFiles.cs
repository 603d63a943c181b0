using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>A file uploaded to the account: its name and content.</summary>
internal sealed record PlanfixFile(int Id, string Name, byte[] Content);

/// <summary>
/// Files as Planfix's REST API takes them: <c>POST /file/</c> (multipart, form field <c>file</c>) answers
/// <c>{"result":"success","id":n}</c>; <c>POST /file/{id}/attach/task?id=&lt;task number&gt;</c> puts it on a task;
/// <c>GET /task/{id}/files</c> lists a task's files.
/// </summary>
internal static class PlanfixFiles
{
    public static async Task<PlanfixFile> ReadUploadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) throw new PlanfixError(400, 40, "Missing mandatory parameter: file");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files.GetFile("file") ?? throw new PlanfixError(400, 40, "Missing mandatory parameter: file");
        using var content = new MemoryStream();
        await file.CopyToAsync(content, request.HttpContext.RequestAborted);
        return new PlanfixFile(0, file.FileName, content.ToArray());
    }

    public static JsonObject Upload(PlanfixAccountData data, PlanfixFile upload)
    {
        var file = upload with { Id = data.NextId() };
        data.Files[file.Id] = file;
        return new JsonObject { ["result"] = "success", ["id"] = file.Id };
    }

    public static JsonObject AttachToTask(PlanfixAccountData data, int fileId, int? taskId)
    {
        if (!data.Files.ContainsKey(fileId)) throw new PlanfixError(404, 7000, $"File {fileId} not found");
        var task = data.Tasks.GetValueOrDefault(taskId ?? throw new PlanfixError(400, 40, "Missing mandatory parameter: id"))
            ?? throw PlanfixError.TaskNotFound(taskId.Value);
        if (!task.Files.Contains(fileId)) task.Files.Add(fileId);
        task.Updated = data.Clock.GetUtcNow();
        return new JsonObject { ["result"] = "success" };
    }

    public static JsonObject OfTask(PlanfixAccountData data, int taskId)
    {
        var task = data.Tasks.GetValueOrDefault(taskId) ?? throw PlanfixError.TaskNotFound(taskId);
        return PlanfixDirectoryApi.Success("files", new JsonArray(task.Files.Select(id => (JsonNode)Describe(data.Files[id])).ToArray()));
    }

    public static JsonObject Describe(PlanfixFile file) => new() { ["id"] = file.Id, ["name"] = file.Name, ["size"] = file.Content.Length };
}
