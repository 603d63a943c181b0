using Koppel.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Koppel.Portal.Api;

/// <summary>The Admin section: the keys that open the admin API.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

/// <summary>One key: for every tenant ("*") or for one tenant's slug.</summary>
public sealed class ApiKeyOptions
{
    public string? Key { get; set; }
    public string? Tenant { get; set; }
}

/// <summary>
/// Refuses keys the hub would otherwise drop or should never accept: short ones (guessable), ones without a tenant,
/// and, outside Development, the key shipped for development. Each message names the setting to change.
/// </summary>
public sealed class AdminOptionsCheck(IHostEnvironment environment) : IValidateOptions<AdminOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var (key, tenant) = (options.ApiKeys[i].Key ?? "", options.ApiKeys[i].Tenant ?? "");
            var at = $"{AdminOptions.Section}:ApiKeys:{i}";
            if (key.Length < MinimumKeyLength)
                problems.Add($"{at}:Key must be at least {MinimumKeyLength} characters long.");
            if (tenant.Length == 0)
                problems.Add($"{at}:Tenant must be a tenant's slug, or \"*\" for every tenant.");
            if (key == DevelopmentCredentials.ApiKey && !environment.IsDevelopment())
                problems.Add($"{at}:Key is the development key shipped with Koppel; set your own key before starting in {environment.EnvironmentName}.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
