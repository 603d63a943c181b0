namespace Koppel.Infrastructure.Tests.Connectors.Planfix;

/// <summary>The emulator's files: multipart upload, attach to a task, the task's file list.</summary>
public sealed class PlanfixFileEmulatorTests
{
    [Fact]
    public async Task An_uploaded_file_attached_to_a_task_is_listed_with_its_name_and_size()
    {
        await using var host = await PlanfixHost.StartAsync();
        var task = host.Sandbox.AddTask(PlanfixHost.Account, "Заказ", null);
        var client = host.Client();

        var id = await client.AttachToTaskAsync(task, "Счет 00001.pdf", "%PDF-1.4 test"u8.ToArray());
        var files = (await client.GetAsync($"/task/{task}/files"))["files"]!.AsArray();

        var file = Assert.Single(files)!;
        Assert.Equal((id, "Счет 00001.pdf", 13), (file["id"]!.GetValue<int>(), file["name"]!.ToString(), file["size"]!.GetValue<int>()));
        Assert.Equal("%PDF-1.4 test"u8.ToArray(), Assert.Single(host.Sandbox.TaskFiles(PlanfixHost.Account, task)).Content);
    }
}
