using Koppel.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.Users;

/// <summary>Outside Development the hub does not start with the support password everyone who read the repository knows.</summary>
public sealed class ShippedPasswordCheck(IHostEnvironment environment) : IValidateOptions<InitialSupportUserOptions>
{
    public ValidateOptionsResult Validate(string? name, InitialSupportUserOptions options) =>
        !environment.IsDevelopment() && options.Password == DevelopmentCredentials.SupportPassword
            ? ValidateOptionsResult.Fail(
                $"{InitialSupportUserOptions.Section}:Password is the development password shipped with Koppel; set another one (or remove it once the first support user exists) before starting in {environment.EnvironmentName}.")
            : ValidateOptionsResult.Success;
}
